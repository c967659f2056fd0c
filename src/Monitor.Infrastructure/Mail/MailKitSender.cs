using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Monitor.Core.Delivery;
using Monitor.Infrastructure.Options;

namespace Monitor.Infrastructure.Mail;

/// <summary>Sends alert e-mails through SMTP with MailKit, or writes them as .eml files to a pickup folder.</summary>
public sealed class MailKitSender(IOptions<SmtpOptions> options, ILogger<MailKitSender> logger) : IMailSender
{
    private readonly SmtpOptions _options = options.Value;

    public async Task SendAsync(AlertEmail email, CancellationToken cancellationToken)
    {
        var message = Build(email);
        if (!string.IsNullOrWhiteSpace(_options.PickupDirectory))
        {
            Directory.CreateDirectory(_options.PickupDirectory);
            var path = Path.Combine(_options.PickupDirectory, email.MessageId.Split('@')[0] + ".eml");
            await message.WriteToAsync(path, cancellationToken);
            logger.LogInformation("Wrote alert e-mail for {Recipient} to {Path}", email.To, path);
            return;
        }

        using var client = new SmtpClient { Timeout = _options.TimeoutSeconds * 1000 };
        await client.ConnectAsync(_options.Host!, _options.Port, Enum.Parse<SecureSocketOptions>(_options.Security, ignoreCase: true), cancellationToken);
        if (!string.IsNullOrEmpty(_options.UserName))
            await client.AuthenticateAsync(_options.UserName, _options.Password ?? string.Empty, cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    private MimeMessage Build(AlertEmail email)
    {
        var message = new MimeMessage
        {
            Subject = email.Subject,
            MessageId = email.MessageId,
            Body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody }.ToMessageBody(),
        };
        message.From.Add(new MailboxAddress(_options.FromName, _options.From));
        message.To.Add(new MailboxAddress(email.ToName ?? string.Empty, email.To));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        return message;
    }
}
