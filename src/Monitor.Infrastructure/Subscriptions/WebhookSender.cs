using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using MinistryMonitor.Core.Subscriptions;

namespace MinistryMonitor.Infrastructure.Subscriptions;

/// <summary>
/// POSTs signed alerts to webhooks through an HttpClient whose resilience handler retries transient failures
/// (5xx, 408, 429, timeouts) with the same body and delivery id; redirects are not followed, and the connection
/// refuses private and loopback addresses unless Fetch:AllowPrivateNetworks is set (<see cref="WebhookConnections"/>).
/// </summary>
public sealed class WebhookSender(HttpClient http, ILogger<WebhookSender> logger) : IWebhookSender
{
    public async Task PostAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, request.Url)
        {
            Content = new StringContent(request.Body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        message.Headers.Add(WebhookPayload.SignatureHeader, request.Signature);
        message.Headers.Add(WebhookPayload.DeliveryHeader, request.DeliveryId);
        message.Headers.Add(WebhookPayload.EventHeader, request.Event);
        using var response = await http.SendAsync(message, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            logger.LogInformation("Webhook {Host} accepted delivery {DeliveryId}", request.Url.Host, request.DeliveryId);
            return;
        }
        var status = (int)response.StatusCode;
        if (status is >= 400 and < 500 && response.StatusCode is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests))
            throw new WebhookRejectedException(request.Url, status);
        throw new HttpRequestException($"The webhook {request.Url.GetLeftPart(UriPartial.Path)} answered HTTP {status}; the delivery will be retried.", null, response.StatusCode);
    }
}
