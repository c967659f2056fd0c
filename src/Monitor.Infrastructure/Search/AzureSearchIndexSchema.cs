using Azure.Search.Documents.Indexes.Models;

namespace MinistryMonitor.Infrastructure.Search;

/// <summary>
/// The Azure AI Search index: one document per statement. Words are searched in <c>titleKeys</c>/<c>textKeys</c>,
/// which hold the keys <see cref="Core.Archive.ArchiveText"/> makes (the detection stemmers), split on spaces by
/// the whitespace analyzer, so Azure finds exactly what the embedded Lucene index finds. <c>text</c> is only
/// retrievable, for snippets.
/// </summary>
internal static class AzureSearchIndexSchema
{
    public const string ScoringProfile = "title-first";

    public static SearchIndex Create(string name) => new(name)
    {
        Fields =
        {
            new SimpleField("id", SearchFieldDataType.String) { IsKey = true, IsFilterable = true },
            new SimpleField("sourceId", SearchFieldDataType.String) { IsFilterable = true, IsFacetable = true },
            new SimpleField("statementId", SearchFieldDataType.String),
            new SimpleField("version", SearchFieldDataType.Int32),
            new SimpleField("title", SearchFieldDataType.String),
            new SimpleField("text", SearchFieldDataType.String),
            new SearchableField("titleKeys") { AnalyzerName = LexicalAnalyzerName.Whitespace, IsHidden = true },
            new SearchableField("textKeys") { AnalyzerName = LexicalAnalyzerName.Whitespace, IsHidden = true },
            new SimpleField("url", SearchFieldDataType.String),
            new SimpleField("published", SearchFieldDataType.DateTimeOffset),
            new SimpleField("listedAt", SearchFieldDataType.DateTimeOffset) { IsFilterable = true, IsSortable = true },
            new SimpleField("language", SearchFieldDataType.String) { IsFilterable = true, IsFacetable = true },
            new SimpleField("topics", SearchFieldDataType.Collection(SearchFieldDataType.String)) { IsFilterable = true, IsFacetable = true },
            new SimpleField("archivedAt", SearchFieldDataType.DateTimeOffset),
        },
        ScoringProfiles =
        {
            new ScoringProfile(ScoringProfile) { TextWeights = new TextWeights(new Dictionary<string, double> { ["titleKeys"] = 2, ["textKeys"] = 1 }) },
        },
    };
}
