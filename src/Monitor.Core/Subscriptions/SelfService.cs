using Microsoft.Extensions.Logging;
using MinistryMonitor.Core.Delivery;

namespace MinistryMonitor.Core.Subscriptions;

/// <summary>The self-service door's limits (from settings).</summary>
/// <param name="MailWindow">At most one e-mail per address in this time, whatever is posted.</param>
public sealed record SelfServiceLimits(TimeSpan MailWindow);

/// <summary>What a token-holding caller gets back: the outcome, and the subscription when there is one.</summary>
public sealed record SelfServiceResult(TokenCheck Check, Subscription? Subscription)
{
    public bool Succeeded => Check == TokenCheck.Valid && Subscription is not null;
}

/// <summary>
/// What subscribers do themselves, behind the web pages and the JSON API: subscribe (double opt-in: a pending
/// subscription and a confirmation e-mail, nothing else until confirmed), confirm, change, and unsubscribe. Every
/// action but subscribing needs a signed token for that one subscription, and no answer reveals whether another
/// address is subscribed.
/// </summary>
public sealed class SelfService(
    ISubscriptionStore store,
    SubscriptionRules rules,
    SubscriberLinks links,
    IMailSender mail,
    IAddressMailWindow mailWindow,
    SelfServiceLimits limits,
    TimeProvider time,
    ILogger<SelfService> logger)
{
    /// <summary>A pending address gets at most one confirmation e-mail in this time, however often the form is sent.</summary>
    public static readonly TimeSpan ResendInterval = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Validates (throwing <see cref="SubscriptionException"/>), stores a pending subscription and mails the confirmation;
    /// an active address gets an "already subscribed" e-mail instead. Either way at most one e-mail per address per
    /// <see cref="SelfServiceLimits.MailWindow"/>: more throw <see cref="AddressMailLimitException"/>, which says
    /// nothing about whether the address is subscribed.
    /// </summary>
    public async Task SubscribeAsync(Subscription request, CancellationToken cancellationToken)
    {
        var address = SubscriptionRules.CheckAddress(request.Address);
        if (await mailWindow.TryOpenAsync(address, limits.MailWindow, cancellationToken) is { } retryAt)
        {
            logger.LogInformation("Subscribe form for {Address} refused: the address was e-mailed less than {Hours} hours ago", address, limits.MailWindow.TotalHours);
            throw new AddressMailLimitException(retryAt);
        }
        try
        {
            await SubscribeOnceAsync(request, cancellationToken);
        }
        catch
        {
            // Nothing was sent (invalid form, storage or SMTP failure): the window is not used up.
            await mailWindow.ReleaseAsync(address, CancellationToken.None);
            throw;
        }
    }

    private async Task SubscribeOnceAsync(Subscription request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var wanted = rules.Validate(request with
        {
            Status = SubscriptionStatus.Pending,
            CreatedAt = now,
            ConfirmedAt = null,
            Origin = "self-service",
            // Webhooks are set up by operators, who hand the receiver its secret.
            Webhook = null,
            WebhookSecret = null,
        });
        var existing = await store.GetAsync(wanted.Id, cancellationToken);
        if (existing is { Status: SubscriptionStatus.Active or SubscriptionStatus.Bouncing })
        {
            await mail.SendAsync(ConfirmationEmailComposer.AlreadySubscribed(existing, links.Manage(existing.Id), rules.TopicName, MessageIds.Domain), cancellationToken);
            return;
        }
        if (existing is { Status: SubscriptionStatus.Pending } && now - existing.CreatedAt < ResendInterval)
        {
            logger.LogInformation("Confirmation for {Address} was sent less than {Minutes} minutes ago; not sending another", wanted.Address, ResendInterval.TotalMinutes);
            return;
        }
        await store.SaveAsync(wanted, cancellationToken);
        await mail.SendAsync(ConfirmationEmailComposer.Confirm(wanted, links.Confirm(wanted.Id), rules.TopicName, MessageIds.Domain), cancellationToken);
        logger.LogInformation("Subscription of {Address} waits for confirmation", wanted.Address);
    }

    public async Task<SelfServiceResult> ConfirmAsync(string token, CancellationToken cancellationToken)
    {
        var (check, subscription) = await FindAsync(token, TokenPurpose.Confirm, cancellationToken);
        if (subscription is null) return new(check, null);
        if (subscription.Status != SubscriptionStatus.Pending) return new(check, subscription);
        var active = subscription with { Status = SubscriptionStatus.Active, ConfirmedAt = time.GetUtcNow() };
        await store.SaveAsync(active, cancellationToken);
        logger.LogInformation("{Address} confirmed the subscription", active.Address);
        return new(check, active);
    }

    public async Task<SelfServiceResult> UnsubscribeAsync(string token, CancellationToken cancellationToken)
    {
        var (check, subscription) = await FindAsync(token, TokenPurpose.Unsubscribe, cancellationToken);
        if (subscription is null) return new(check, null);
        if (subscription.Status == SubscriptionStatus.Unsubscribed) return new(check, subscription);
        var gone = subscription with { Status = SubscriptionStatus.Unsubscribed };
        await store.SaveAsync(gone, cancellationToken);
        logger.LogInformation("{Address} unsubscribed", gone.Address);
        return new(check, gone);
    }

    /// <summary>What a subscription follows and how often, in words (topics by name), as its e-mails say it.</summary>
    public string Describe(Subscription subscription) => ConfirmationEmailComposer.Describe(subscription, rules.TopicName);

    /// <summary>A pending subscription, to show what a confirmation link would confirm.</summary>
    public async Task<Subscription?> GetPendingAsync(string id, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { Status: SubscriptionStatus.Pending } pending ? pending : null;

    public async Task<SelfServiceResult> GetAsync(string token, CancellationToken cancellationToken)
    {
        var (check, subscription) = await FindAsync(token, TokenPurpose.Manage, cancellationToken);
        return new(check, subscription);
    }

    /// <summary>Changes what a subscription follows and how often; the address, channel and status stay as they are.</summary>
    public async Task<SelfServiceResult> UpdateAsync(string token, Func<Subscription, Subscription> change, CancellationToken cancellationToken)
    {
        var (check, subscription) = await FindAsync(token, TokenPurpose.Manage, cancellationToken);
        if (subscription is null) return new(check, null);
        var changed = change(subscription);
        var updated = rules.Validate(subscription with
        {
            Topics = changed.Topics,
            Terms = changed.Terms,
            Sources = changed.Sources,
            Languages = changed.Languages,
            Mode = changed.Mode,
            Hour = changed.Hour,
            TimeZone = changed.TimeZone,
            WeeklyOn = changed.WeeklyOn,
            Withdrawals = changed.Withdrawals,
        });
        await store.SaveAsync(updated, cancellationToken);
        return new(check, updated);
    }

    private async Task<(TokenCheck, Subscription?)> FindAsync(string token, TokenPurpose purpose, CancellationToken cancellationToken)
    {
        var check = links.Tokens.Check(token, purpose, out var id);
        if (check != TokenCheck.Valid) return (check, null);
        return (check, await store.GetAsync(id, cancellationToken));
    }
}
