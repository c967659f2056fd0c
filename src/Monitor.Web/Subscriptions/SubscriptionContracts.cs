using System.Globalization;
using System.Text.Json.Serialization;
using MinistryMonitor.Core.Subscriptions;

namespace MinistryMonitor.Web.Subscriptions;

/// <summary>
/// The body of <c>PUT /api/subscriptions/manage/{token}</c>: what to change; fields left out stay as they are.
/// The subscribe request is the same fields with the address and name.
/// </summary>
public record SubscriptionChange
{
    public IReadOnlyList<string>? Topics { get; init; }
    public IReadOnlyList<string>? Terms { get; init; }
    public IReadOnlyList<string>? Sources { get; init; }
    public IReadOnlyList<string>? Languages { get; init; }
    public DeliveryMode? Mode { get; init; }
    public int? Hour { get; init; }
    public string? TimeZone { get; init; }

    [JsonConverter(typeof(CamelCaseEnumConverter<DayOfWeek>))]
    public DayOfWeek? WeeklyOn { get; init; }

    public bool? Withdrawals { get; init; }

    public Subscription Apply(Subscription s) => s with
    {
        Topics = Topics ?? s.Topics,
        Terms = Terms?.Select(t => t.Trim()).Where(t => t.Length > 0).ToList() ?? s.Terms,
        Sources = Sources ?? s.Sources,
        Languages = Languages ?? s.Languages,
        Mode = Mode ?? s.Mode,
        Hour = Hour ?? s.Hour,
        TimeZone = string.IsNullOrWhiteSpace(TimeZone) ? s.TimeZone : TimeZone.Trim(),
        WeeklyOn = WeeklyOn ?? s.WeeklyOn,
        Withdrawals = Withdrawals ?? s.Withdrawals,
    };
}

/// <summary>The body of <c>POST /api/subscriptions</c>: a new subscription's address and name, and its settings as in a change.</summary>
public sealed record SubscribeRequest : SubscriptionChange
{
    public string? Address { get; init; }
    public string? Name { get; init; }

    public Subscription ToSubscription() => Apply(new Subscription { Address = Address ?? string.Empty, Name = Name });
}

/// <summary>The subscribe and manage forms' fields (<c>application/x-www-form-urlencoded</c>).</summary>
public sealed class SubscriptionFormFields
{
    public string[]? Topics { get; set; }
    public string? Terms { get; set; }
    public string[]? Sources { get; set; }
    public string? Mode { get; set; }
    public string? Hour { get; set; }
    public string? TimeZone { get; set; }
    public string? WeeklyOn { get; set; }

    /// <summary>The "tell me of withdrawals" checkbox: the forms always show it, so its absence means unticked.</summary>
    public string? Withdrawals { get; set; }

    public Subscription ToSubscription(Subscription s)
    {
        var mode = Enum.TryParse<DeliveryMode>(Mode, ignoreCase: true, out var m) && Enum.IsDefined(m) ? m : s.Mode;
        var hour = int.TryParse(Hour, NumberStyles.Integer, CultureInfo.InvariantCulture, out var h) ? h : s.Hour;
        var weeklyOn = Enum.TryParse<DayOfWeek>(WeeklyOn, ignoreCase: true, out var d) && Enum.IsDefined(d) ? d : s.WeeklyOn;
        return s with
        {
            Topics = Topics ?? [],
            Terms = (Terms ?? string.Empty).Split('\n').Select(t => t.Trim()).Where(t => t.Length > 0).ToList(),
            Sources = Sources ?? [],
            Mode = mode,
            Hour = hour,
            WeeklyOn = weeklyOn,
            TimeZone = string.IsNullOrWhiteSpace(TimeZone) ? "UTC" : TimeZone.Trim(),
            Withdrawals = Withdrawals is not null,
        };
    }
}

/// <summary>What the API shows of a subscription to the holder of its token (never a webhook secret).</summary>
public sealed record SubscriptionView(
    string Address,
    string Status,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Terms,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> Languages,
    DeliveryMode Mode,
    int Hour,
    string TimeZone,
    [property: JsonConverter(typeof(CamelCaseEnumConverter<DayOfWeek>))] DayOfWeek WeeklyOn,
    string Channel,
    bool Withdrawals)
{
    public static SubscriptionView Of(Subscription s) => new(
        s.Address, s.Status.ToString().ToLowerInvariant(), s.Topics, s.Terms, s.Sources, s.Languages, s.Mode, s.Hour, s.TimeZone, s.WeeklyOn,
        s.Channel.ToString().ToLowerInvariant(), s.Withdrawals);
}

public sealed record SubscribeAccepted(string Message);
