using System.ComponentModel.DataAnnotations;

namespace MinistryMonitor.Infrastructure.Search;

/// <summary>
/// Where archive search lives: Azure AI Search when <see cref="Endpoint"/> is set (the app's managed identity needs
/// the Search Index Data Contributor and Search Service Contributor roles), else an embedded Lucene.Net index in
/// <see cref="IndexPath"/> (relative to the content root), or in memory.
/// </summary>
public sealed class SearchOptions
{
    public const string SectionName = "Search";

    /// <summary>e.g. <c>https://my-search.search.windows.net</c>.</summary>
    public Uri? Endpoint { get; set; }

    [Required, RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{0,126}[a-z0-9]$")]
    public string IndexName { get; set; } = "statements";

    [Required]
    public string IndexPath { get; set; } = Path.Combine(".monitor", "search");

    /// <summary>An index that lives as long as the process (the demo and tests on an in-memory Azurite).</summary>
    public bool InMemory { get; set; }
}
