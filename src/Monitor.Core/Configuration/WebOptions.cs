using System.ComponentModel.DataAnnotations;
using System.Net;

namespace MinistryMonitor.Core.Configuration;

/// <summary>
/// The section <c>Web</c>, in one class: the web host's settings, and the public address and mail window that the
/// pipeline's e-mails and the subscribe form need as well (so it lives in Core, beside the ports both use).
/// </summary>
public sealed class WebOptions : IValidatableObject
{
    public const string SectionName = "Web";

    /// <summary>Where the web host (subscribe, manage, unsubscribe and statement pages) is reached from outside.</summary>
    [Required(ErrorMessage = "Web:PublicBaseUrl is required: e-mails link to the statement, manage and unsubscribe pages under it.")]
    [Url(ErrorMessage = "Web:PublicBaseUrl must be an absolute http(s) URL.")]
    public string PublicBaseUrl { get; set; } = string.Empty;

    /// <summary>
    /// At most one e-mail (a confirmation, or "already subscribed") per address in this many hours, so the form
    /// cannot be used to flood someone's inbox. Kept in storage, so it holds across instances.
    /// </summary>
    [Range(0.01, 168, ErrorMessage = "Web:SubscriberMailWindowHours must be from 0.01 to 168.")]
    public double SubscriberMailWindowHours { get; set; } = 6;

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

    /// <summary>Requests one client address may make to the subscribe, confirm, manage and unsubscribe pages and API per window.</summary>
    [Range(1, 1_000_000)]
    public int SubscriberRequestsPerClient { get; set; } = 30;

    /// <summary>The window of <see cref="SubscriberRequestsPerClient"/>, in seconds.</summary>
    [Range(1, 86_400)]
    public int SubscriberRequestWindowSeconds { get; set; } = 600;

    /// <summary>
    /// Addresses of the proxies whose <c>X-Forwarded-For</c> names the client (for the per-client limit). Empty:
    /// the header is ignored and the connection's address counts, so a client cannot claim to be many.
    /// </summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks (CIDR, e.g. 10.0.0.0/8) of such proxies.</summary>
    public string[] KnownNetworks { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
            yield return new ValidationResult($"Web:KnownProxies: '{proxy}' is not an IP address.", [nameof(KnownProxies)]);
        foreach (var network in KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)))
            yield return new ValidationResult($"Web:KnownNetworks: '{network}' is not a network in CIDR notation (e.g. 10.0.0.0/8).", [nameof(KnownNetworks)]);
    }
}

public enum WebAuthentication
{
    /// <summary>App Service Authentication (Easy Auth) signs callers in and passes them in <c>X-MS-CLIENT-PRINCIPAL</c>.</summary>
    AppService,

    /// <summary><c>monitor serve</c>: whoever reaches the loopback-bound server is the local operator.</summary>
    Loopback,
}
