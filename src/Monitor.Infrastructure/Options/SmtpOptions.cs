using System.ComponentModel.DataAnnotations;

namespace MinistryMonitor.Infrastructure.Options;

/// <summary>
/// The SMTP server alerts are sent through. With <see cref="PickupDirectory"/> set instead of a host,
/// e-mails are written there as .eml files (for trying the monitor without a mail server).
/// </summary>
public sealed class SmtpOptions : IValidatableObject
{
    public const string SectionName = "Smtp";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>"Auto", "None", "StartTls" or "SslOnConnect" (MailKit's SecureSocketOptions).</summary>
    [Required]
    public string Security { get; set; } = "Auto";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    [Required, EmailAddress]
    public string From { get; set; } = "alerts@ministry-monitor.local";

    public string FromName { get; set; } = "Ministry Monitor";

    public string? PickupDirectory { get; set; }

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Host) && string.IsNullOrWhiteSpace(PickupDirectory))
            yield return new ValidationResult("Set Smtp:Host (an SMTP server) or Smtp:PickupDirectory (write .eml files).", [nameof(Host)]);
        if (!Enum.TryParse<MailKit.Security.SecureSocketOptions>(Security, ignoreCase: true, out _))
            yield return new ValidationResult($"Smtp:Security '{Security}' is not one of Auto, None, StartTls, SslOnConnect.", [nameof(Security)]);
    }
}
