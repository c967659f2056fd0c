using System.ComponentModel.DataAnnotations;

namespace Monitor.Web;

/// <summary>The web host's settings (section <c>Web</c>).</summary>
public sealed class WebOptions
{
    public const string SectionName = "Web";

    /// <summary>How callers are identified: App Service Authentication on Azure, or the loopback connection of <c>monitor serve</c>.</summary>
    [Required]
    public WebAuthentication Authentication { get; set; } = WebAuthentication.AppService;

    /// <summary>When true, the reader pages and <c>/api/statements*</c> need a signed-in caller too.</summary>
    public bool RequireSignIn { get; set; }

    /// <summary>Callers holding one of these app roles (Entra ID app roles, the <c>roles</c> claim) are operators.</summary>
    public string[] OperatorRoles { get; set; } = ["Monitor.Operator"];

    /// <summary>Callers whose e-mail, user name or object id is listed here are operators, whatever their roles.</summary>
    public string[] Operators { get; set; } = [];

    /// <summary>How many rows a listing page holds.</summary>
    [Range(1, 200)]
    public int PageSize { get; set; } = 25;
}

public enum WebAuthentication
{
    /// <summary>App Service Authentication (Easy Auth) signs callers in and passes them in <c>X-MS-CLIENT-PRINCIPAL</c>.</summary>
    AppService,

    /// <summary><c>monitor serve</c>: whoever reaches the loopback-bound server is the local operator.</summary>
    Loopback,
}
