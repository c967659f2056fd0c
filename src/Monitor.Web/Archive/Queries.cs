namespace Monitor.Web.Archive;

/// <summary>The filters of <c>GET /api/statements</c> and the reader's front page; all optional.</summary>
public sealed record StatementQuery(
    string? Source = null,
    string? Topic = null,
    string? Language = null,
    DateTimeOffset? Since = null,
    DateTimeOffset? Until = null,
    string? Q = null);

public sealed record LogQuery(string? Source = null, string? Outcome = null, DateTimeOffset? Since = null);

public sealed record AlertQuery(string? Topic = null, DateTimeOffset? Since = null);
