using System.CommandLine;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using MinistryMonitor.Cli.Local;
using MinistryMonitor.Cli.Output;
using MinistryMonitor.Core.Subscriptions;

namespace MinistryMonitor.Cli.Commands;

/// <summary>
/// <c>monitor subscribers add|list|remove</c>: the operator manages subscriptions in the subscriptions table.
/// An operator vouches for the address, so what they add is active at once (no confirmation e-mail).
/// </summary>
internal static class SubscribersCommand
{
    public static Command Create()
    {
        var command = new Command("subscribers", "Add, list and remove subscribers (stored in the subscriptions table; changes take effect at the next message).");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Remove());
        return command;
    }

    private static Command Add()
    {
        var email = new Argument<string>("EMAIL") { Description = "The subscriber's e-mail address (also identifies a webhook subscription)." };
        var topic = new Option<string[]>("--topic") { Description = "A topic id from the topics file (repeat for more).", AllowMultipleArgumentsPerToken = true };
        var terms = new Option<string[]>("--terms") { Description = "The subscriber's own term, in the syntax of topics.json (repeat for more): \"Lachin corridor\", \"Лачинский коридор\", \"border NEAR/5 delimitation\".", AllowMultipleArgumentsPerToken = true };
        var mode = new Option<string>("--mode") { Description = "immediate, daily or weekly.", DefaultValueFactory = _ => "immediate" };
        var hour = new Option<int>("--hour") { Description = "Local hour (0-23) at which daily and weekly digests go out.", DefaultValueFactory = _ => 8 };
        var tz = new Option<string>("--tz") { Description = "IANA time zone of --hour, e.g. Europe/Moscow.", DefaultValueFactory = _ => "UTC" };
        var day = new Option<DayOfWeek>("--day") { Description = "Day of a weekly digest.", DefaultValueFactory = _ => DayOfWeek.Monday };
        var source = new Option<string[]>("--source") { Description = "Only statements of this source id (repeat for more).", AllowMultipleArgumentsPerToken = true };
        var language = new Option<string[]>("--language") { Description = "Only statements of sources in this language (repeat for more).", AllowMultipleArgumentsPerToken = true };
        var webhook = new Option<string?>("--webhook") { Description = "POST the alerts to this HTTPS URL instead of e-mailing them." };
        var format = new Option<WebhookFormat>("--webhook-format") { Description = "alert (the versioned alert JSON) or text ({\"text\": ...}, for Slack and Teams incoming webhooks).", DefaultValueFactory = _ => WebhookFormat.Alert };
        var name = new Option<string?>("--name") { Description = "The subscriber's name, shown in the e-mails." };
        var noWithdrawals = new Option<bool>("--no-withdrawals") { Description = "Do not e-mail when a statement that mentioned the subscriber's topics is withdrawn or comes back (on by default)." };
        var command = new Command("add", "Add a subscriber, or replace the subscription of an address; active at once.")
        {
            email, topic, terms, mode, hour, tz, day, source, language, webhook, format, name, noWithdrawals,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var monitor = await LocalMonitor.StartAsync(new LocalMonitorOptions(), cancellationToken);
            var services = monitor.Services;
            var store = services.GetRequiredService<ISubscriptionStore>();
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            Subscription subscription;
            try
            {
                var webhookUrl = parse.GetValue(webhook) is { Length: > 0 } w
                    ? Uri.TryCreate(w, UriKind.Absolute, out var u) ? u : throw new SubscriptionException("webhook", $"'{w}' is not an absolute URL")
                    : null;
                subscription = services.GetRequiredService<SubscriptionRules>().Validate(new Subscription
                {
                    Address = parse.GetValue(email) ?? string.Empty,
                    Name = parse.GetValue(name),
                    Topics = parse.GetValue(topic) ?? [],
                    Terms = (parse.GetValue(terms) ?? []).Select(t => t.Trim()).ToList(),
                    Sources = parse.GetValue(source) ?? [],
                    Languages = parse.GetValue(language) ?? [],
                    Mode = ParseMode(parse.GetValue(mode)),
                    Hour = parse.GetValue(hour),
                    TimeZone = parse.GetValue(tz) ?? "UTC",
                    WeeklyOn = parse.GetValue(day),
                    Withdrawals = !parse.GetValue(noWithdrawals),
                    Webhook = webhookUrl,
                    WebhookFormat = parse.GetValue(format),
                    WebhookSecret = webhookUrl is null ? null : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
                    Status = SubscriptionStatus.Active,
                    CreatedAt = now,
                    ConfirmedAt = now,
                    Origin = "operator",
                });
            }
            catch (SubscriptionException ex)
            {
                await Console.Error.WriteLineAsync($"monitor subscribers add: {ex.Message}");
                return 2;
            }

            var existed = await store.GetAsync(subscription.Id, cancellationToken) is not null;
            await store.SaveAsync(subscription, cancellationToken);
            Console.WriteLine($"{(existed ? "Replaced" : "Added")} {subscription.Address}: {Describe(subscription)}; active.");
            if (subscription.WebhookSecret is not null)
                Console.WriteLine($"Webhook secret (verify X-Monitor-Signature: sha256=HMAC-SHA256(secret, body)): {subscription.WebhookSecret}");
            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var json = CommonOptions.Json();
        var all = new Option<bool>("--all") { Description = "Include unsubscribed addresses." };
        var command = new Command("list", "The subscribers: address, status, mode, channel, topics, own terms, filters.") { json, all };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var monitor = await LocalMonitor.StartAsync(new LocalMonitorOptions { NeedsConfigurationFiles = false }, cancellationToken);
            var subscriptions = (await monitor.Services.GetRequiredService<ISubscriptionStore>().ListAsync(cancellationToken))
                .Where(s => parse.GetValue(all) || s.Status != SubscriptionStatus.Unsubscribed).ToList();
            if (parse.GetValue(json))
            {
                // The webhook secret stays out of listings.
                JsonLines.Write(Console.Out, subscriptions.Select(s => s with { WebhookSecret = null }));
                return 0;
            }
            ConsoleTable.Write(Console.Out,
                ["address", "status", "mode", "channel", "topics", "own terms", "sources", "languages"],
                subscriptions.Select(s => (IReadOnlyList<string?>)
                [
                    s.Address, s.Status.ToString().ToLowerInvariant(), Mode(s), s.Webhook?.AbsoluteUri ?? "e-mail",
                    string.Join(", ", s.Topics), string.Join("; ", s.Terms), string.Join(", ", s.Sources), string.Join(", ", s.Languages),
                ]), maxCellWidth: 50);
            return 0;
        });
        return command;
    }

    private static Command Remove()
    {
        var email = new Argument<string>("EMAIL") { Description = "The subscriber's e-mail address." };
        var command = new Command("remove", "Unsubscribe an address: nothing more is sent to it, and an import of subscriptions.json does not bring it back.") { email };
        command.SetAction(async (parse, cancellationToken) =>
        {
            string address;
            try
            {
                address = SubscriptionRules.CheckAddress(parse.GetValue(email));
            }
            catch (SubscriptionException ex)
            {
                await Console.Error.WriteLineAsync($"monitor subscribers remove: {ex.Message}");
                return 2;
            }
            await using var monitor = await LocalMonitor.StartAsync(new LocalMonitorOptions { NeedsConfigurationFiles = false }, cancellationToken);
            var store = monitor.Services.GetRequiredService<ISubscriptionStore>();
            var subscription = await store.GetAsync(Subscription.IdOf(address), cancellationToken);
            if (subscription is null || subscription.Status == SubscriptionStatus.Unsubscribed)
            {
                await Console.Error.WriteLineAsync($"monitor subscribers remove: {address} is not subscribed.");
                return 1;
            }
            await store.SaveAsync(subscription with { Status = SubscriptionStatus.Unsubscribed }, cancellationToken);
            Console.WriteLine($"Removed {subscription.Address}.");
            return 0;
        });
        return command;
    }

    private static DeliveryMode ParseMode(string? value) =>
        Enum.TryParse<DeliveryMode>(value, ignoreCase: true, out var mode) && Enum.IsDefined(mode) && !int.TryParse(value, out _)
            ? mode
            : throw new SubscriptionException("mode", $"'{value}' is not a mode (immediate, daily or weekly)");

    private static string Mode(Subscription s) => s.Mode switch
    {
        DeliveryMode.Daily => $"daily {s.Hour:00}:00 {s.TimeZone}",
        DeliveryMode.Weekly => $"weekly {s.WeeklyOn} {s.Hour:00}:00 {s.TimeZone}",
        _ => "immediate",
    };

    private static string Describe(Subscription s)
    {
        var what = new List<string>();
        if (s.Topics.Count > 0) what.Add("topics " + string.Join(", ", s.Topics));
        if (s.Terms.Count > 0) what.Add("own terms " + string.Join("; ", s.Terms.Select(t => $"\"{t}\"")));
        return $"{string.Join(" and ", what)}, {Mode(s)}, by {(s.Webhook is null ? "e-mail" : "webhook " + s.Webhook.AbsoluteUri)}"
            + (s.Withdrawals && s.Webhook is null ? ", withdrawals e-mailed" : "");
    }
}
