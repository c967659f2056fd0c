using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MinistryMonitor.Web.Security;

/// <summary>
/// Turns the caller App Service Authentication signed in into the request's user; sends pages to its sign-in.
/// The header is believed only while App Service Authentication is on (App Service then sets WEBSITE_AUTH_ENABLED
/// and strips the header from what clients send); with it off, anyone could send the header, so nobody is signed in.
/// </summary>
internal sealed class AppServiceAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IConfiguration configuration)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AppService";
    public const string EnabledSetting = "WEBSITE_AUTH_ENABLED";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!string.Equals(configuration[EnabledSetting], "true", StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(AuthenticateResult.NoResult());
        ClientPrincipal? principal;
        try
        {
            principal = ClientPrincipal.Parse(Request.Headers[ClientPrincipal.HeaderName]);
        }
        catch (FormatException ex)
        {
            return Task.FromResult(AuthenticateResult.Fail(ex));
        }
        return Task.FromResult(principal is null
            ? AuthenticateResult.NoResult()
            : AuthenticateResult.Success(new AuthenticationTicket(principal.ToClaimsPrincipal(), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (WebPaths.IsApi(Request.Path))
        {
            await WebProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Sign-in required",
                "Sign in through App Service Authentication (/.auth/login/aad) and call again with its session.");
            return;
        }
        var back = Request.PathBase + Request.Path + Request.QueryString;
        Response.Redirect("/.auth/login/aad?post_login_redirect_uri=" + Uri.EscapeDataString(back));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WebProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Operators only",
            "Your account is signed in but is neither in an operator role nor on the operators list (Web:OperatorRoles, Web:Operators).");
}
