using Microsoft.Extensions.Time.Testing;
using MinistryMonitor.Core.Delivery;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Subscriptions;

namespace MinistryMonitor.Web.Tests.Emails;

/// <summary>
/// One e-mail of each kind, composed from fixed data (a fixed clock and signing key, so links are the same every run)
/// with the hazards real statements bring: markup and ampersands in titles, Cyrillic text, an edit.
/// </summary>
public static class SampleEmails
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 5, 0, TimeSpan.Zero);
    private static readonly FakeTimeProvider Clock = new(Now);
    private static readonly SubscriberLinks Links = new(new Uri("https://monitor.example/"), new SubscriberTokens("sample-signing-key-0123456789", Clock));

    private static readonly Subscription Baku = new()
    {
        Address = "analyst@example.org", Topics = ["lachin-corridor", "peace-treaty"], Terms = ["border NEAR/5 delimitation"],
        TimeZone = "Asia/Baku", Locale = "en-GB", Status = SubscriptionStatus.Active, OwnTermsId = "0123456789abcdef01234567",
    };

    private static readonly Subscription NewYorkDigest = Baku with
    {
        Address = "desk@example.org", Mode = DeliveryMode.Daily, Hour = 7, TimeZone = "America/New_York", Locale = "en-US", Terms = [],
    };

    public static IReadOnlyDictionary<string, AlertEmail> All => new Dictionary<string, AlertEmail>
    {
        ["alert-new"] = AlertEmailComposer.Compose(Alert("a1", edit: false), To(Baku), Statement("s1"), EmailLinks(Baku), [], Baku.EmailLocale, "monitor.example"),
        ["alert-edit"] = AlertEmailComposer.Compose(Alert("a2", edit: true), To(Baku), Statement("s1"), EmailLinks(Baku),
            [new EditedPassage("Traffic must resume soon.", "Traffic through the Lachin corridor <must> resume & goods must flow.")], Baku.EmailLocale, "monitor.example"),
        ["digest"] = DigestEmailComposer.Compose(NewYorkDigest, new DigestPeriod("2026-12-03", Now.AddDays(-1), Now),
            [Alert("a1", edit: false), Alert("a2", edit: true), Alert("a3", edit: false, source: "ru-mfa", sourceName: "MFA of Russia", snippet: ("Лачинский коридор", "Стороны обсудили Лачинский коридор."))],
            Links, "monitor.example"),
        ["confirmation"] = ConfirmationEmailComposer.Confirm(Baku with { Status = SubscriptionStatus.Pending }, Links.Confirm(Baku.Id), TopicName, "monitor.example"),
        ["already-subscribed"] = ConfirmationEmailComposer.AlreadySubscribed(NewYorkDigest, Links.Manage(NewYorkDigest.Id), TopicName, "monitor.example"),
        ["withdrawn"] = WithdrawalEmailComposer.Compose(Notice(AlertMessage.WithdrawnKind), To(Baku), Statement("s1"), EmailLinks(Baku), ["Lachin corridor"], Baku.EmailLocale, "monitor.example"),
        ["restored"] = WithdrawalEmailComposer.Compose(Notice(AlertMessage.RestoredKind), To(Baku), Statement("s1"), EmailLinks(Baku), ["Lachin corridor", "Peace treaty (Armenia–Azerbaijan)"], Baku.EmailLocale, "monitor.example"),
    };

    private static string TopicName(string id) => id switch
    {
        "lachin-corridor" => "Lachin corridor",
        "peace-treaty" => "Peace treaty (Armenia–Azerbaijan)",
        _ => id,
    };

    private static AlertMessage Alert(string id, bool edit, string source = "az-mfa", string sourceName = "Azerbaijan MFA: news", (string Matched, string Snippet)? snippet = null)
    {
        var (matched, text) = snippet ?? ("Lachin corridor", "Traffic through the Lachin corridor <must> resume & goods must flow.");
        return new AlertMessage(AlertMessage.CurrentSchemaVersion, $"{id}-9f8e7d6c5b4a", "lachin-corridor", "Lachin corridor", source, sourceName, $"s-{id}", edit ? 2 : 1, edit,
            $"On <transport> & trade ({id})", new Uri($"https://mfa.example/{id}"), Now.AddHours(-3), $"{source}/2026/12/03/s-{id}/v00{(edit ? 2 : 1)}.txt",
            3, [new AlertMention(matched, text, 2)], Now.AddHours(-2));
    }

    private static AlertMessage Notice(string kind) =>
        Alert("w1", edit: false) with { Kind = kind, TopicId = string.Empty, TopicName = string.Empty, Topics = ["lachin-corridor"], Reason = kind == AlertMessage.WithdrawnKind ? "HTTP 404" : null, Mentions = [] };

    private static MailRecipient To(Subscription s) => new(s.Address, s.Name);

    private static Uri Statement(string id) => Links.Statement("az-mfa", id);

    private static EmailLinks EmailLinks(Subscription s) => new(Links.Unsubscribe(s.Id), Links.Manage(s.Id));
}
