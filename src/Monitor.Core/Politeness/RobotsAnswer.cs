namespace MinistryMonitor.Core.Politeness;

/// <summary>What a host's robots.txt says: its rules, or why it could not be read (then nothing may be fetched from the host).</summary>
/// <param name="Expires">Until when the answer stands: a day for rules, a few minutes (or the host's Retry-After) for a failure.</param>
public sealed record RobotsAnswer(RobotsTxt Rules, RobotsFailure? Failure, DateTimeOffset Expires)
{
    public bool Unreachable => Failure is not null;
}

/// <summary>
/// robots.txt is unreachable (RFC 9309 2.3.1.4): the server answered 429 or 5xx (<paramref name="HttpStatus"/>), or the
/// request failed on the network (<paramref name="NetworkError"/>: the name does not resolve, the connection failed).
/// </summary>
/// <param name="RetryAfter">The server's Retry-After, when it sent one.</param>
public sealed record RobotsFailure(string Reason, int? HttpStatus, bool NetworkError, TimeSpan? RetryAfter = null);
