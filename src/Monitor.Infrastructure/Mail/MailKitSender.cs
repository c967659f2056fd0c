using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using MinistryMonitor.Core.Delivery;
using MinistryMonitor.Infrastructure.Options;

namespace MinistryMonitor.Infrastructure.Mail;

/// <summary>
/// Sends alert e-mails through SMTP with MailKit, one connection per session (a batch of e-mails), or writes them
/// as .eml files to a pickup folder. A recipient the server refuses becomes a <see cref="MailRejectedException"/>.
/// </summary>
public sealed class MailKitSender(IOptions<SmtpOptions> options, ILogger<MailKitSender> logger) : IMailSender
{
    private readonly SmtpOptions _options = options.Value;
    private readonly ILogger _logger = logger;

    public Task SendAsync(AlertEmail email, CancellationToken cancellationToken) =>
        SendAsync(email, () => Task.CompletedTask, cancellationToken);

    /// <summary>
    /// Calls <paramref name="accepted"/> as soon as the server has answered DATA with 250, before QUIT: from then on
    /// the message is the server's, and recording it at once keeps the window for a duplicate to one table write.
    /// </summary>
    public async Task SendAsync(AlertEmail email, Func<Task> accepted, CancellationToken cancellationToken)
    {
        await using var session = await OpenSessionAsync(cancellationToken);
        await session.SendAsync(email, accepted, cancellationToken);
    }

    public Task<IMailSession> OpenSessionAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IMailSession>(new Session(this));

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
        foreach (var (name, value) in email.Headers) message.Headers.Add(name, value);
        return message;
    }

    /// <summary>Connects on the first e-mail and keeps the connection for the rest; reconnects if the server dropped it.</summary>
    private sealed class Session(MailKitSender owner) : IMailSession
    {
        private SmtpClient? _client;

        public async Task SendAsync(AlertEmail email, Func<Task> accepted, CancellationToken cancellationToken)
        {
            var message = owner.Build(email);
            var options = owner._options;
            if (!string.IsNullOrWhiteSpace(options.PickupDirectory))
            {
                Directory.CreateDirectory(options.PickupDirectory);
                var path = Path.Combine(options.PickupDirectory, email.MessageId.Split('@')[0] + ".eml");
                await message.WriteToAsync(path, cancellationToken);
                owner._logger.LogInformation("Wrote e-mail for {Recipient} to {Path}", email.To, path);
                await accepted();
                return;
            }

            var client = await ConnectedAsync(cancellationToken);
            try
            {
                await client.SendAsync(message, cancellationToken);
            }
            catch (SmtpCommandException ex) when (ex.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted)
            {
                throw new MailRejectedException(email.To, (int)ex.StatusCode, ex.Message, ex);
            }
            await accepted();
        }

        private async Task<SmtpClient> ConnectedAsync(CancellationToken cancellationToken)
        {
            if (_client is { IsConnected: true }) return _client;
            _client?.Dispose();
            var options = owner._options;
            _client = new SmtpClient { Timeout = options.TimeoutSeconds * 1000 };
            await _client.ConnectAsync(options.Host!, options.Port, Enum.Parse<SecureSocketOptions>(options.Security, ignoreCase: true), cancellationToken);
            if (!string.IsNullOrEmpty(options.UserName))
                await _client.AuthenticateAsync(options.UserName, options.Password ?? string.Empty, cancellationToken);
            return _client;
        }

        public async ValueTask DisposeAsync()
        {
            if (_client is null) return;
            try
            {
                if (_client.IsConnected) await _client.DisconnectAsync(quit: true, CancellationToken.None);
            }
            catch (Exception ex) when (ex is IOException or SmtpProtocolException or OperationCanceledException)
            {
                // The messages were accepted already; a failed QUIT changes nothing about them.
                owner._logger.LogWarning(ex, "Closing the SMTP connection failed");
            }
            finally
            {
                _client.Dispose();
            }
        }
    }
}
