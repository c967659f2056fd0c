using MinistryMonitor.Core.Storage;

namespace MinistryMonitor.Core.Archive;

/// <summary>Limits every listing shares.</summary>
public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>The page size to use: the default when none is given, at most <see cref="MaxPageSize"/>.</summary>
    public static int Clamp(int? pageSize) => pageSize is > 0 ? Math.Min(pageSize.Value, MaxPageSize) : DefaultPageSize;
}

/// <summary>
/// Archived statements: listed by the catalogue newest publication first (statements with no date count from when they
/// were first seen), or found by the search, best match first, for the words in <see cref="Text"/>.
/// All filters are optional; <see cref="Since"/> and <see cref="Until"/> bound the publication date (until exclusive).
/// </summary>
public sealed record StatementQuery
{
    /// <summary>The words to find (all of them, each in any inflected form). Only the search reads them: the catalogue lists by the filters.</summary>
    public string? Text { get; init; }
    public string? SourceId { get; init; }
    public string? TopicId { get; init; }
    public string? Language { get; init; }
    public DateTimeOffset? Since { get; init; }
    public DateTimeOffset? Until { get; init; }
    public int? PageSize { get; init; }
    public string? ContinuationToken { get; init; }
}

/// <summary>Alerts raised, newest first, optionally for one topic and source, raised at or after <see cref="Since"/>.</summary>
public sealed record AlertQuery
{
    public string? TopicId { get; init; }
    public string? SourceId { get; init; }
    public DateTimeOffset? Since { get; init; }
    public DateTimeOffset? Until { get; init; }
    public int? PageSize { get; init; }
    public string? ContinuationToken { get; init; }
}

/// <summary>E-mails sent, newest first.</summary>
public sealed record DeliveryQuery
{
    public DateTimeOffset? Since { get; init; }
    public DateTimeOffset? Until { get; init; }
    public int? PageSize { get; init; }
    public string? ContinuationToken { get; init; }
}

/// <summary>The ingestion log, newest fetch first, optionally for one source and one outcome.</summary>
public sealed record IngestionQuery
{
    public string? SourceId { get; init; }
    public IngestionOutcome? Outcome { get; init; }
    public DateTimeOffset? Since { get; init; }
    public DateTimeOffset? Until { get; init; }
    public int? PageSize { get; init; }
    public string? ContinuationToken { get; init; }
}
