using MinistryMonitor.Infrastructure.DataProtection;
using System.Net;
using System.Text.RegularExpressions;
using Azure.Storage.Blobs.Models;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;
using MinistryMonitor.Cli.Local;
using MinistryMonitor.Core.Subscriptions;
using MinistryMonitor.Web.Security;

namespace MinistryMonitor.Web.Tests.Security;

/// <summary>
/// Two web hosts on the same storage, as two Function App instances behind one address (or <c>monitor serve</c> before
/// and after a restart): a form rendered by one is accepted when posted to the other, because both keep their
/// antiforgery keys in the shared blob container.
/// </summary>
[Trait("Category", "Slow")]
public sealed partial class SharedKeyRingTests(WebArchiveFixture archive) : IClassFixture<WebArchiveFixture>
{
    [Fact]
    public async Task SubscribeForm_RenderedByOneHostPostedToAnother_IsAccepted()
    {
        await using var other = await LocalWebServer.StartAsync(archive.Harness.Options, port: 0, CancellationToken.None);
        var form = await RenderSubscribeFormAsync(archive.BaseAddress);

        var response = await PostSubscribeAsync(other.Address, form, "second-host@example.org");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Contains("Check your inbox", response.Body);
        Assert.Equal(SubscriptionStatus.Pending, (await SubscriptionAsync("second-host@example.org"))?.Status);
        // Both read one key ring from the storage, not each from a folder of this machine.
        var repository = Assert.IsType<BlobXmlRepository>(other.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository);
        Assert.Same(repository.GetType(), archive.Server.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository?.GetType());
        Assert.Single(repository.Container.GetBlobs(new GetBlobsOptions()), b => b.Name.StartsWith("key-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SubscribeForm_PostedToAHostWithItsOwnKeys_IsRejected()
    {
        // The store every host had before: keys in a folder of its own machine (the default is ~/.aspnet/DataProtection-Keys).
        // The same form and cookie as above, so the shared container is what makes the difference.
        var keys = Directory.CreateTempSubdirectory("monitor-own-keys-");
        try
        {
            await using var own = await LocalWebServer.StartAsync(archive.Harness.Options, port: 0, CancellationToken.None,
                services => services.AddDataProtection().PersistKeysToFileSystem(keys));
            var form = await RenderSubscribeFormAsync(archive.BaseAddress);

            var response = await PostSubscribeAsync(own.Address, form, "own-keys-host@example.org");

            Assert.Equal(HttpStatusCode.BadRequest, response.Status);
            Assert.Contains("Form expired", response.Body);
            Assert.Null(await SubscriptionAsync("own-keys-host@example.org"));
            Assert.NotEmpty(keys.GetFiles("key-*.xml"));
        }
        finally
        {
            keys.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task RequeueForm_WithoutAValidToken_GetsTheFormExpiredPageAndMovesNothing()
    {
        // Before AntiforgeryFailureMiddleware this was a 500: the bodyless 400 was re-executed as the "not found" page,
        // a POST on which antiforgery read the rejected form again and threw.
        var poisoned = await archive.PoisonedFetchesAsync();
        using var client = NewClient();
        using var response = await client.PostAsync(new Uri(archive.BaseAddress, "log/requeue"),
            new FormUrlEncodedContent([new("__RequestVerificationToken", "not-a-token"), new("queue", "fetch"), new("messageId", "any")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Form expired", await response.Content.ReadAsStringAsync());
        Assert.Equal(poisoned, await archive.PoisonedFetchesAsync());
    }

    private sealed record RenderedForm(string Token, string Cookie);

    private static async Task<RenderedForm> RenderSubscribeFormAsync(Uri host)
    {
        using var client = NewClient();
        using var response = await client.GetAsync(new Uri(host, "subscribe"));
        response.EnsureSuccessStatusCode();
        var html = await response.Content.ReadAsStringAsync();
        var token = TokenField().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("The subscribe form has no antiforgery token:\n" + html);
        var cookie = response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        return new RenderedForm(WebUtility.HtmlDecode(token), cookie);
    }

    private static async Task<(HttpStatusCode Status, string Body)> PostSubscribeAsync(Uri host, RenderedForm form, string address)
    {
        using var client = NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host, "subscriptions"))
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", form.Token), new("address", address), new("topics", "lachin-corridor")]),
        };
        request.Headers.Add("Cookie", form.Cookie);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    // Cookies by hand: a cookie container would send host A's cookie to host B anyway (cookies ignore the port), but
    // here it is plain to see which request carries what.
    private static HttpClient NewClient() => new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });

    private Task<Subscription?> SubscriptionAsync(string address) =>
        archive.Harness.Services.GetRequiredService<ISubscriptionStore>().GetAsync(Subscription.IdOf(address), CancellationToken.None);

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
