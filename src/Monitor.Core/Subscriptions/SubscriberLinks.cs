namespace MinistryMonitor.Core.Subscriptions;

/// <summary>The public addresses e-mails link to, under <c>Web:PublicBaseUrl</c>.</summary>
public sealed class SubscriberLinks(Uri publicBaseUrl, SubscriberTokens tokens)
{
    private readonly string _base = publicBaseUrl.AbsoluteUri.TrimEnd('/');

    public SubscriberTokens Tokens => tokens;

    /// <summary>RFC 8058 one-click target: a POST unsubscribes, a GET shows a confirm button.</summary>
    public Uri Unsubscribe(string subscriptionId) => new($"{_base}/unsubscribe/{tokens.Create(TokenPurpose.Unsubscribe, subscriptionId)}");

    public Uri Manage(string subscriptionId) => new($"{_base}/subscriptions/manage/{tokens.Create(TokenPurpose.Manage, subscriptionId)}");

    public Uri Confirm(string subscriptionId) => new($"{_base}/subscriptions/confirm/{tokens.Create(TokenPurpose.Confirm, subscriptionId)}");

    /// <summary>The web reader's page of a statement.</summary>
    public Uri Statement(string sourceId, string statementId) =>
        new($"{_base}/statements/{Uri.EscapeDataString(sourceId)}/{Uri.EscapeDataString(statementId)}");
}
