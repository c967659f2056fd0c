namespace Monitor.Core.Delivery;

/// <summary>Sends one e-mail (SMTP through MailKit in production). Throws when the message was not accepted.</summary>
public interface IMailSender
{
    Task SendAsync(AlertEmail email, CancellationToken cancellationToken);
}
