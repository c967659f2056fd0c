using MinistryMonitor.Core.Configuration;
using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MinistryMonitor.Web.Security;

/// <summary>
/// <c>monitor serve</c> listens on loopback only, so whoever reaches it is on this machine: the local operator.
/// A request from any other address (which the server should never receive) stays anonymous.
/// </summary>
internal sealed class LoopbackAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IOptions<WebOptions> web)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Loopback";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var remote = Context.Connection.RemoteIpAddress;
        if (remote is null || !IPAddress.IsLoopback(remote)) return Task.FromResult(AuthenticateResult.NoResult());
        var identity = new ClaimsIdentity(SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.Name, "local operator"));
        foreach (var role in web.Value.OperatorRoles) identity.AddClaim(new Claim(ClaimTypes.Role, role));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        WebProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Loopback only", "This server answers operators on this machine only.");
}
