namespace MinistryMonitor.Core.Delivery;

/// <summary>An e-mail ready to send. <see cref="MessageId"/> is derived from the alert and recipient, so a resend is recognisable.</summary>
public sealed record AlertEmail(string To, string? ToName, string Subject, string TextBody, string HtmlBody, string MessageId)
{
    /// <summary>Extra header fields, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}
