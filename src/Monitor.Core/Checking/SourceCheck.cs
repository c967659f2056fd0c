namespace MinistryMonitor.Core.Checking;

/// <summary>What <c>monitor check-source</c> found: the discovery fetch, the links or items on it, and the first statements.</summary>
/// <param name="Kind">"feed", "sitemap", "listing", or "page" (a URL that is none of them and not given a link selector).</param>
/// <param name="LinksFound">Items of a feed, statement URLs of a sitemap, or links the listing selector found.</param>
/// <param name="Skipped">Entries the pipeline would not queue, by reason ("1: javascript: link"), null when none.</param>
/// <param name="Sitemaps">For a site's root URL, the sitemaps its robots.txt announces.</param>
public sealed record SourceCheck(
    string? SourceId,
    string Kind,
    Uri Url,
    FetchCheck Fetch,
    string? LinkSelector,
    int LinksFound,
    string? Problem,
    IReadOnlyList<StatementCheck> Statements,
    string? Skipped = null,
    IReadOnlyList<Uri>? Sitemaps = null)
{
    /// <summary>The source works: it was fetched and read, and it lists at least one statement.</summary>
    public bool Healthy => Fetch.Outcome == "ok" && Problem is null && LinksFound > 0;
}

/// <summary>One HTTP GET as the pipeline's fetcher did it.</summary>
public sealed record FetchCheck(Uri Url, string Outcome, int? HttpStatus, string? ContentType, long Bytes, double DurationMs, string? Error);

/// <summary>One statement: where each field came from. <see cref="Fetch"/> is null for a feed item that carries its text.</summary>
public sealed record StatementCheck(
    Uri Url,
    FetchCheck? Fetch,
    FieldCheck? Title,
    FieldCheck? Date,
    FieldCheck? Body,
    FieldCheck? DocumentNumber,
    string? Method,
    string? Error);

/// <summary>
/// One field of a statement. <see cref="Selector"/> is the source's selector (null when it has none);
/// <see cref="Matched"/> says whether it found the field; <see cref="Value"/> is what the pipeline keeps (the title,
/// the date in ISO form, the body's length in characters), from the selector or, failing it, the generic extractor.
/// </summary>
public sealed record FieldCheck(string? Selector, bool Matched, string? Value)
{
    /// <summary>How an operator reads it: "h1.title: Statement on …", "selector matched nothing → generic: …".</summary>
    public string Describe() => (Selector, Matched) switch
    {
        (null, _) => $"(no selector) generic: {Value ?? "-"}",
        (_, true) => $"{Selector}: {Value ?? "-"}",
        _ => $"{Selector}: selector matched nothing → generic: {Value ?? "-"}",
    };
}
