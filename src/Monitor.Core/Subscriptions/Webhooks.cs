using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MinistryMonitor.Core.Messages;

namespace MinistryMonitor.Core.Subscriptions;

/// <summary>One POST to a subscriber's webhook. <paramref name="DeliveryId"/> is stable across retries, so a receiver can drop a repeat.</summary>
public sealed record WebhookRequest(Uri Url, string Body, string Signature, string DeliveryId, string Event);

/// <summary>Posts to webhooks (HTTPS with retries in production). Throws when the receiver did not accept it in the end.</summary>
public interface IWebhookSender
{
    Task PostAsync(WebhookRequest request, CancellationToken cancellationToken);
}

/// <summary>The receiver answered with a status that retrying will not change (4xx other than 408 and 429).</summary>
public sealed class WebhookRejectedException(Uri url, int statusCode)
    : Exception($"The webhook {url.GetLeftPart(UriPartial.Path)} refused the alert with HTTP {statusCode}.")
{
    public int StatusCode { get; } = statusCode;
}

/// <summary>
/// What a webhook receives: the versioned alert JSON exactly as on the alerts queue (<c>schemaVersion</c> 2), or
/// <c>{"text": ...}</c>, which Slack and Microsoft Teams incoming webhooks accept; signed with
/// <c>X-Monitor-Signature: sha256=HEX(HMAC-SHA256(secret, body))</c>.
/// </summary>
public static class WebhookPayload
{
    public const string SignatureHeader = "X-Monitor-Signature";
    public const string DeliveryHeader = "X-Monitor-Delivery";
    public const string EventHeader = "X-Monitor-Event";

    public static WebhookRequest ForAlert(Subscription subscription, AlertMessage alert, Uri statementPage)
    {
        var body = subscription.WebhookFormat == WebhookFormat.Text
            ? JsonSerializer.Serialize(new { text = Text(alert, statementPage) }, PipelineJson.Options)
            : PipelineJson.Serialize(alert);
        var deliveryId = Storage.Hashes.Sha256($"{alert.AlertId}\n{subscription.Id}")[..32];
        return new WebhookRequest(subscription.Webhook!, body, Sign(subscription.WebhookSecret ?? string.Empty, body), deliveryId, "alert");
    }

    public static string Sign(string secret, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    /// <summary>Constant-time check of a signature header, for receivers written in .NET (and the tests).</summary>
    public static bool Verify(string secret, string body, string? signature) =>
        signature is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, body)), Encoding.ASCII.GetBytes(signature));

    private static string Text(AlertMessage alert, Uri statementPage)
    {
        var what = alert.IsEdit ? "an edited statement now mentions" : "a new statement mentions";
        var first = alert.Mentions.FirstOrDefault()?.Snippet;
        return $"{alert.SourceName}: {what} \"{alert.TopicName}\": {alert.Title ?? alert.Url.AbsoluteUri} {statementPage.AbsoluteUri}"
               + (first is null ? string.Empty : $"\n> {first}");
    }
}
