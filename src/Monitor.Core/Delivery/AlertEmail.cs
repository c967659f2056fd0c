namespace Monitor.Core.Delivery;

/// <summary>An e-mail ready to send. <see cref="MessageId"/> is derived from the alert and recipient, so a resend is recognisable.</summary>
public sealed record AlertEmail(string To, string? ToName, string Subject, string TextBody, string HtmlBody, string MessageId);
