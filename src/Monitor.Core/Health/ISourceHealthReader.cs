using MinistryMonitor.Core.Sources;

namespace MinistryMonitor.Core.Health;

/// <summary>
/// One <see cref="SourceHealth"/> row per source, for <c>monitor sources</c> and the web console's
/// <c>GET /api/sources</c>. Implemented by <see cref="SourceHealthReport"/>.
/// </summary>
public interface ISourceHealthReader
{
    /// <summary>The health of every source in <paramref name="sources"/>, in that order.</summary>
    Task<IReadOnlyList<SourceHealth>> ReadAsync(IReadOnlyList<Source> sources, CancellationToken cancellationToken);
}
