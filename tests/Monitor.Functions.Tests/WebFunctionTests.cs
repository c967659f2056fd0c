using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MinistryMonitor.Functions.Functions;
using MinistryMonitor.IntegrationTests;
using MinistryMonitor.Web.Security;
using MinistryMonitor.Infrastructure.Azurite;
using MinistryMonitor.Infrastructure.DataProtection;

namespace MinistryMonitor.Functions.Tests;

/// <summary>
/// The Web function through the Functions app's real DI container on Azurite, called as the worker's ASP.NET Core
/// integration calls it (with the request's HttpContext), with the App Service Authentication header as Azure sends it.
/// </summary>
[Trait("Category", "Slow")]
public sealed class WebFunctionTests(WebFunctionTests.Storage storage) : IClassFixture<WebFunctionTests.Storage>
{
    /// <summary>One storage account and one set of configuration files for all these tests: they only read.</summary>
    public sealed class Storage : IAsyncLifetime
    {
        public string ConnectionString { get; private set; } = null!;
        public string Config { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            ConnectionString = await TestAzurite.NewAccountAsync();
            Config = Directory.CreateTempSubdirectory("monitor-web-function-").FullName;
            File.WriteAllText(Path.Combine(Config, "sources.json"),
                """{ "sources": [ { "id": "mfa", "name": "MFA", "language": "en", "feed": "http://127.0.0.1:9/feed.xml" } ] }""");
            File.WriteAllText(Path.Combine(Config, "topics.json"),
                """{ "topics": [ { "id": "lachin-corridor", "name": "Lachin corridor", "terms": ["Lachin corridor"] } ] }""");
            File.WriteAllText(Path.Combine(Config, "subscriptions.json"), """{ "subscribers": [] }""");
        }

        public Task DisposeAsync()
        {
            Directory.Delete(Config, recursive: true);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Web_AnonymousReader_GetsTheFrontPageWithAStrictContentSecurityPolicy()
    {
        using var host = await BuildAsync();
        var response = await SendAsync(host, "GET", "/");

        Assert.Equal(200, response.Status);
        Assert.Contains("<h1>Latest statements</h1>", response.Body);
        Assert.StartsWith("default-src 'self'", response.Headers["Content-Security-Policy"]);
        Assert.DoesNotContain("<script", response.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Web_OperatorApiWithoutSignIn_Returns401ProblemDetails()
    {
        using var host = await BuildAsync();
        var response = await SendAsync(host, "GET", "/api/sources");

        Assert.Equal(401, response.Status);
        Assert.Equal("application/problem+json", response.Headers["Content-Type"]);
    }

    [Fact]
    public async Task Web_OperatorPageWithoutSignIn_RedirectsToEntraSignIn()
    {
        using var host = await BuildAsync();
        var response = await SendAsync(host, "GET", "/sources");

        Assert.Equal(302, response.Status);
        Assert.Equal("/.auth/login/aad?post_login_redirect_uri=%2Fsources", response.Headers["Location"]);
    }

    [Fact]
    public async Task Web_SignedInWithoutOperatorRole_Returns403()
    {
        using var host = await BuildAsync();
        var response = await SendAsync(host, "GET", "/api/sources", Principal("reader@example.org"));

        Assert.Equal(403, response.Status);
    }

    [Fact]
    public async Task Web_OperatorRoleOrAllowedAccount_GetsSourceHealth()
    {
        using var host = await BuildAsync(new() { ["Web:Operators:0"] = "desk@example.org" });

        foreach (var principal in new[] { Principal("ops@example.org", "Monitor.Operator"), Principal("DESK@example.org") })
        {
            var response = await SendAsync(host, "GET", "/api/sources", principal);
            Assert.Equal(200, response.Status);
            using var json = JsonDocument.Parse(response.Body);
            Assert.Equal("never-run", json.RootElement[0].GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task Web_PrincipalHeaderWhileAppServiceAuthIsOff_IsNotBelieved()
    {
        using var host = await BuildAsync(new() { ["WEBSITE_AUTH_ENABLED"] = null });
        var response = await SendAsync(host, "GET", "/api/sources", Principal("ops@example.org", "Monitor.Operator"));

        Assert.Equal(401, response.Status);
    }

    [Fact]
    public async Task Web_RequireSignIn_KeepsAnonymousReadersOutOfTheStatementsApi()
    {
        using var host = await BuildAsync(new() { ["Web:RequireSignIn"] = "true" });

        Assert.Equal(401, (await SendAsync(host, "GET", "/api/statements")).Status);
        Assert.Equal(200, (await SendAsync(host, "GET", "/api/statements", Principal("reader@example.org"))).Status);
    }

    [Fact]
    public async Task Web_TwoInstances_ShareTheDataProtectionKeyRingInTheBlobContainer()
    {
        using var first = await BuildAsync();
        using var second = await BuildAsync();
        var repository = Assert.IsType<BlobXmlRepository>(first.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository);
        Assert.Equal("dataprotection", repository.Container.Name);
        Assert.IsType<BlobXmlRepository>(second.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository);

        // The subscribe form's antiforgery token is protected with a key the first instance stores in the container ...
        var form = await SendAsync(first, "GET", "/subscribe");
        Assert.Equal(200, form.Status);
        Assert.Contains("__RequestVerificationToken", form.Body);
        Assert.Contains(repository.GetAllElements(), e => e.Name.LocalName == "key");

        // ... which the second instance reads: what one protects, the other opens.
        var payload = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("form");
        Assert.Equal("form", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(payload));
    }

    private async Task<IHost> BuildAsync(Dictionary<string, string?>? overrides = null)
    {
        // The settings the Bicep sets on Azure, plus what App Service sets when its authentication is on.
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = storage.ConnectionString,
            ["DISCOVER_SCHEDULE"] = "0 */5 * * * *",
            ["Monitor:SourcesFile"] = Path.Combine(storage.Config, "sources.json"),
            ["Monitor:TopicsFile"] = Path.Combine(storage.Config, "topics.json"),
            ["Monitor:SubscriptionsFile"] = Path.Combine(storage.Config, "subscriptions.json"),
            ["Smtp:Host"] = "127.0.0.1",
            ["Search:InMemory"] = "true",
            ["Web:Authentication"] = "AppService",
            ["Web:OperatorRoles:0"] = "Monitor.Operator",
            // Required in the one Web section: the Bicep sets it, and e-mails link under it.
            ["Web:PublicBaseUrl"] = "https://monitor.example/",
            ["WEBSITE_AUTH_ENABLED"] = "True",
        };
        foreach (var (key, value) in overrides ?? []) settings[key] = value;
        return await FunctionsApp.BuildAsync(settings);
    }

    private static async Task<(int Status, IHeaderDictionary Headers, string Body)> SendAsync(IHost host, string method, string path, string? principal = null)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = method;
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("monitor.azurewebsites.net");
        context.Request.Path = path;
        if (principal is not null) context.Request.Headers["X-MS-CLIENT-PRINCIPAL"] = principal;
        var body = new MemoryStream();
        context.Response.Body = body;

        var function = ActivatorUtilities.CreateInstance<WebFunction>(host.Services);
        var result = await function.Run(context.Request);
        await result.ExecuteAsync(context);

        return (context.Response.StatusCode, context.Response.Headers, Encoding.UTF8.GetString(body.ToArray()));
    }

    /// <summary>X-MS-CLIENT-PRINCIPAL as App Service sends it for an Entra ID user: base64 JSON of the token's claims.</summary>
    private static string Principal(string email, params string[] roles)
    {
        var claims = new List<object> { new { typ = "preferred_username", val = email }, new { typ = ClaimTypes.Email, val = email } };
        claims.AddRange(roles.Select(r => new { typ = "roles", val = r }));
        var json = JsonSerializer.Serialize(new { auth_typ = "aad", name_typ = "preferred_username", role_typ = "roles", claims });
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
    }

}
