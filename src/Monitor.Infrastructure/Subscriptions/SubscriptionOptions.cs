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
