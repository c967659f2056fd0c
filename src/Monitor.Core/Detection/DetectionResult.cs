using MinistryMonitor.Core.Diffing;

namespace MinistryMonitor.Core.Detection;

/// <summary>The mentions that are new in a version, and the diff that decided it.</summary>
public sealed record DetectionResult(IReadOnlyList<Mention> NewMentions, StatementDiff Diff);
