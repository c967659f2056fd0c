using System.Text.Json.Nodes;

namespace MinistryMonitor.Infra.Tests;

/// <summary>App Service Authentication as the web host expects it: on, anonymous callers let through to the public reader.</summary>
[Trait("Category", "Slow")]
public sealed class WebAuthenticationTests
{
    [Fact]
    public void AuthSettingsV2_InCompiledTemplate_EnablesAppServiceAuthenticationButAllowsAnonymousReaders()
    {
        var (auth, _) = Assert.Single(ArmTemplate.Main.Resources("Microsoft.Web/sites/config"),
            r => ((string?)r.Resource["name"] ?? "").Contains("authsettingsV2", StringComparison.Ordinal));
        var properties = Assert.IsType<JsonObject>(auth["properties"]);

        // Enabled always: only then does the platform strip X-MS-CLIENT-PRINCIPAL from what clients send
        // (and set WEBSITE_AUTH_ENABLED, without which the app believes no principal header).
        Assert.True((bool)properties["platform"]!["enabled"]!);
        Assert.Equal("AllowAnonymous", (string?)properties["globalValidation"]!["unauthenticatedClientAction"]);
        Assert.False((bool)properties["globalValidation"]!["requireAuthentication"]!);
        // Entra ID through the app's identity, no client secret in settings.
        Assert.Contains("OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID", properties["identityProviders"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("AppService", ArmTemplate.Main.AppSettings()["Web__Authentication"]);
    }
}
