using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Web.Operators;

/// <summary>What an outcome means to an operator, which is what the console colours (and marks with a symbol, not colour alone).</summary>
public enum OutcomeKind
{
    /// <summary>Fetched and read.</summary>
    Success,

    /// <summary>Nothing to do: not modified, or skipped for robots.txt by design.</summary>
    Neutral,

    /// <summary>Worth knowing, not a fault: a statement withdrawn or restored.</summary>
    Notice,

    /// <summary>A challenge page or a WAF refusal: the source needs a look even though the site answered.</summary>
    Blocked,

    /// <summary>The fetch failed.</summary>
    Failure,
}

public static class OutcomeMeaning
{
    public static OutcomeKind Of(IngestionOutcome outcome) => outcome switch
    {
        IngestionOutcome.Ok => OutcomeKind.Success,
        IngestionOutcome.NotModified or IngestionOutcome.Robots => OutcomeKind.Neutral,
        IngestionOutcome.Withdrawn or IngestionOutcome.Restored => OutcomeKind.Notice,
        IngestionOutcome.Blocked => OutcomeKind.Blocked,
        _ => OutcomeKind.Failure,
    };

    /// <summary>The CSS class of an outcome label.</summary>
    public static string CssClass(IngestionOutcome outcome) => "outcome outcome-" + Of(outcome).ToString().ToLowerInvariant();

    /// <summary>The symbol shown before an outcome's name, so the meaning does not rest on colour.</summary>
    public static string Symbol(IngestionOutcome outcome) => Of(outcome) switch
    {
        OutcomeKind.Success => "✓",
        OutcomeKind.Neutral => "=",
        OutcomeKind.Notice => "i",
        OutcomeKind.Blocked => "⚠",
        _ => "✗",
    };
}
