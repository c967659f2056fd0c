using Microsoft.Extensions.Logging.Abstractions;
using MinistryMonitor.Core.Archive;
using MinistryMonitor.Core.Configuration;
using MinistryMonitor.Core.Extraction;
using MinistryMonitor.Core.Fetching;
using MinistryMonitor.Core.Messages;
using MinistryMonitor.Core.Stages;
using MinistryMonitor.Core.Storage;
using MinistryMonitor.Core.Withdrawals;

namespace MinistryMonitor.Core.Tests.Fakes;

/// <summary>The fetch stage with its real steps (extraction, archive, withdrawal recorder) over the given in-memory stores.</summary>
internal static class RealFetchStage
{
    public static FetchStage Create(MonitorConfiguration configuration, PageFetcher fetcher, IStatementIndex index, IBlobStore blobs,
        IMessageQueue queue, IIngestionLog log, ISourceStateStore state, TimeProvider time) =>
        new(configuration, fetcher, blobs, new FeedItemCache(), new RawStatementExtractor(new StatementExtractor(), NullLogger<RawStatementExtractor>.Instance),
            new StatementArchiver(index, blobs, time, NullLogger<StatementArchiver>.Instance), queue, log, state,
            new WithdrawalRecorder(index, new RecordingTimeline(), queue, time, NullLogger<WithdrawalRecorder>.Instance), NullLogger<FetchStage>.Instance);
}
