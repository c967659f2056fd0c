using MinistryMonitor.Core.Configuration;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace MinistryMonitor.Web.Security;

/// <summary>An operator holds one of <see cref="WebOptions.OperatorRoles"/> or is named in <see cref="WebOptions.Operators"/>.</summary>
internal sealed class OperatorRequirement : IAuthorizationRequirement;

internal sealed class OperatorHandler(IOptions<WebOptions> options) : AuthorizationHandler<OperatorRequirement>
{
    // Claims App Service passes for an Entra ID user that can identify them on the allowed list.
    private static readonly string[] IdentityClaims =
    [
        ClaimTypes.Email, ClaimTypes.Upn, ClaimTypes.Name, "preferred_username", "email", "name",
        "http://schemas.microsoft.com/identity/claims/objectidentifier", "oid",
    ];

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperatorRequirement requirement)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true) return Task.CompletedTask;
        var web = options.Value;
        var inRole = web.OperatorRoles.Any(role => user.IsInRole(role) || user.HasClaim("roles", role));
        var listed = web.Operators.Length > 0 && user.Claims.Any(c =>
            IdentityClaims.Contains(c.Type) && web.Operators.Contains(c.Value, StringComparer.OrdinalIgnoreCase));
        if (inRole || listed) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

/// <summary>Readers pass unless <see cref="WebOptions.RequireSignIn"/>, then any signed-in caller does.</summary>
internal sealed class ReaderRequirement : IAuthorizationRequirement;

internal sealed class ReaderHandler(IOptions<WebOptions> options) : AuthorizationHandler<ReaderRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ReaderRequirement requirement)
    {
        if (!options.Value.RequireSignIn || context.User.Identity?.IsAuthenticated == true) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
