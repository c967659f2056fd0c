using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MinistryMonitor.Web.Security;

/// <summary>
/// The caller App Service Authentication signed in, as it passes it to the app in the <c>X-MS-CLIENT-PRINCIPAL</c>
/// header (base64 JSON). App Service strips that header from incoming requests, so only the platform can set it.
/// </summary>
internal sealed record ClientPrincipal(
    [property: JsonPropertyName("auth_typ")] string? AuthenticationType,
    [property: JsonPropertyName("name_typ")] string? NameClaimType,
    [property: JsonPropertyName("role_typ")] string? RoleClaimType,
    [property: JsonPropertyName("claims")] IReadOnlyList<ClientPrincipalClaim>? Claims)
{
    public const string HeaderName = "X-MS-CLIENT-PRINCIPAL";

    /// <summary>Null when the header is absent; throws <see cref="FormatException"/> when it is not what App Service sends.</summary>
    public static ClientPrincipal? Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header)) return null;
        try
        {
            var json = Encoding.UTF8.GetString(Convert.FromBase64String(header));
            return JsonSerializer.Deserialize<ClientPrincipal>(json) ?? throw new FormatException($"{HeaderName} is empty.");
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{HeaderName} is not the JSON App Service Authentication sends.", ex);
        }
    }

    public ClaimsPrincipal ToClaimsPrincipal()
    {
        var nameType = string.IsNullOrEmpty(NameClaimType) ? ClaimTypes.Name : NameClaimType;
        var roleType = string.IsNullOrEmpty(RoleClaimType) ? ClaimTypes.Role : RoleClaimType;
        var identity = new ClaimsIdentity(AuthenticationType ?? "aad", nameType, roleType);
        foreach (var claim in Claims ?? [])
            if (claim.Type is not null && claim.Value is not null) identity.AddClaim(new Claim(claim.Type, claim.Value));
        return new ClaimsPrincipal(identity);
    }
}

internal sealed record ClientPrincipalClaim(
    [property: JsonPropertyName("typ")] string? Type,
    [property: JsonPropertyName("val")] string? Value);
