using System.ComponentModel.DataAnnotations;

namespace MinistryMonitor.Infrastructure.Subscriptions;

/// <summary>The key that signs subscribers' links (unsubscribe, manage, confirm). On Azure a Key Vault reference.</summary>
public sealed class UnsubscribeOptions
{
    public const string SectionName = "Unsubscribe";

    /// <summary>Changing it invalidates every link already sent.</summary>
    [Required(ErrorMessage = "Unsubscribe:SigningKey is required: it signs the unsubscribe and manage links in every e-mail.")]
    [MinLength(16, ErrorMessage = "Unsubscribe:SigningKey must be at least 16 characters.")]
    public string SigningKey { get; set; } = string.Empty;
}

/// <summary>Where the web host (subscribe, manage, unsubscribe and statement pages) is reached from outside.</summary>
public sealed class PublicWebOptions
{
    public const string SectionName = "Web";

    [Required(ErrorMessage = "Web:PublicBaseUrl is required: e-mails link to the statement, manage and unsubscribe pages under it.")]
    [Url(ErrorMessage = "Web:PublicBaseUrl must be an absolute http(s) URL.")]
    public string PublicBaseUrl { get; set; } = string.Empty;
}

/// <summary>How often the subscribe form may e-mail one address, whatever is posted (section <c>Web</c>).</summary>
public sealed class SubscriberMailOptions
{
    public const string SectionName = "Web";

    /// <summary>
    /// At most one e-mail (a confirmation, or "already subscribed") per address in this many hours, so the form
    /// cannot be used to flood someone's inbox. Kept in storage, so it holds across instances.
    /// </summary>
    [Range(0.01, 168, ErrorMessage = "Web:SubscriberMailWindowHours must be from 0.01 to 168.")]
    public double SubscriberMailWindowHours { get; set; } = 6;
}
