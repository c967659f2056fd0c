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

    public Task SendAsync(AlertEmail email, CancellationToken cancellationToken) =>
        SendAsync(email, () => Task.CompletedTask, cancellationToken);

    /// <summary>
    /// Calls <paramref name="accepted"/> as soon as the server has answered DATA with 250, before QUIT: from then on
    /// the message is the server's, and recording it at once keeps the window for a duplicate to one table write.
    /// </summary>
    public async Task SendAsync(AlertEmail email, Func<Task> accepted, CancellationToken cancellationToken)
    {
        var message = Build(email);
        if (!string.IsNullOrWhiteSpace(_options.PickupDirectory))
        {
            Directory.CreateDirectory(_options.PickupDirectory);
            var path = Path.Combine(_options.PickupDirectory, email.MessageId.Split('@')[0] + ".eml");
            await message.WriteToAsync(path, cancellationToken);
            await accepted();
            logger.LogInformation("Wrote alert e-mail for {Recipient} to {Path}", email.To, path);
            return;
        }

        using var client = new SmtpClient { Timeout = _options.TimeoutSeconds * 1000 };
        await client.ConnectAsync(_options.Host!, _options.Port, Enum.Parse<SecureSocketOptions>(_options.Security, ignoreCase: true), cancellationToken);
        if (!string.IsNullOrEmpty(_options.UserName))
            await client.AuthenticateAsync(_options.UserName, _options.Password ?? string.Empty, cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await accepted();
        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or SmtpProtocolException or SmtpCommandException or OperationCanceledException)
        {
            // The server has the message already; a failed QUIT must not make the alert look unsent and be retried.
            logger.LogWarning(ex, "Alert e-mail {MessageId} to {Recipient} was accepted, but closing the SMTP connection failed", email.MessageId, email.To);
        }
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
