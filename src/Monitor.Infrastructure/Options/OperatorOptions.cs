using System.ComponentModel.DataAnnotations;
using MinistryMonitor.Core.Operators;

namespace MinistryMonitor.Infrastructure.Options;

/// <summary>The operators: who is e-mailed when a source fails, is blocked or recovers, and when messages are poisoned.</summary>
public sealed class OperatorOptions : IValidatableObject
{
    public const string SectionName = "Operators";

    /// <summary>Comma- or semicolon-separated addresses; empty keeps operator alerts listed (<c>monitor operator-alerts</c>) but mails nobody.</summary>
    public string Emails { get; set; } = string.Empty;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var checker = new EmailAddressAttribute();
        foreach (var email in OperatorContacts.Split(Emails))
        {
            if (!checker.IsValid(email) || !MimeKit.MailboxAddress.TryParse(email, out _))
                yield return new ValidationResult($"Operators:Emails: '{email}' is not an e-mail address.", [nameof(Emails)]);
        }
    }
}
