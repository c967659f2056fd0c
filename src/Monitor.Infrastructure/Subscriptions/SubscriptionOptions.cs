using System.ComponentModel.DataAnnotations;

namespace MinistryMonitor.Infrastructure.Subscriptions;

/// <summary>The key that signs every subscriber link (statement, unsubscribe, manage, confirm). On Azure a Key Vault reference.</summary>
public sealed class LinksOptions
{
    /// <summary>Was <c>Unsubscribe</c>, still read for one release (<see cref="Configuration.RenamedSettings"/>).</summary>
    public const string SectionName = "Links";

    /// <summary>Changing it invalidates every link already sent.</summary>
    [Required(ErrorMessage = "Links:SigningKey is required: it signs the subscriber links (unsubscribe, manage, confirm) in every e-mail.")]
    [MinLength(16, ErrorMessage = "Links:SigningKey must be at least 16 characters.")]
    public string SigningKey { get; set; } = string.Empty;
}
