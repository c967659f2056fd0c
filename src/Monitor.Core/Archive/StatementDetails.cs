using MinistryMonitor.Core.Detection;
using MinistryMonitor.Core.Stages;

namespace MinistryMonitor.Core.Archive;

/// <summary>One statement with the metadata of every archived version (oldest first).</summary>
public sealed record StatementDetails(StatementSummary Statement, string ItemKey, IReadOnlyList<ArchivedVersion> Versions);

/// <summary>One version's metadata and its extracted text.</summary>
public sealed record StatementVersion(ArchivedVersion Metadata, string Text);

/// <summary>
/// What the detect stage stored for a version (<c>vNNN.diff.json</c>): the changes against version n−1 and the topic
/// mentions that are new in it. Null from the catalogue when that version was not detected yet.
/// </summary>
public sealed record VersionDiff(int Version, DetectionResult Detection);
