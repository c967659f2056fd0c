namespace MinistryMonitor.Core.Messages;

/// <summary>Asks the detect stage to look for new topic mentions in one archived version.</summary>
public sealed record DetectRequest(string SourceId, string StatementId, int Version);
