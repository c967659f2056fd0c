using MinistryMonitor.Core.Extraction;
using Xunit.Abstractions;

namespace MinistryMonitor.Core.Tests.Extraction;

/// <summary>
/// The quality gate of the generic extractor: it runs over the shared halves of both public benchmarks
/// (../shared/benchmarks) as <c>monitor extract --in/--out</c> does, and fails when a change loses quality.
/// The floors sit a little below the figures measured on 2026-12-06 (docs/benchmarks.md, "Extraction").
/// </summary>
[Trait("Category", "Quality")]
public sealed class ExtractionQualityGateTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "monitor-quality-gate-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private string ExtractAll(string benchmark)
    {
        var predictions = Path.Combine(_root, benchmark);
        var result = new BatchExtractor(new StatementExtractor())
            .Run(SharedData.PathOf("benchmarks", benchmark, "html"), predictions, Environment.ProcessorCount);
        Assert.Empty(result.Failures);
        return predictions;
    }

    [Fact]
    public void Extract_WebExtractionEvalSharedHalf_StaysAboveTheQualityFloor()
    {
        var score = BenchmarkScores.Snippets(SharedData.PathOf("benchmarks", "web-extraction-eval", "annotations.json"),
            ExtractAll("web-extraction-eval"));
        output.WriteLine("web-extraction-eval: " + score);

        Assert.True(score.F1 >= 0.926, $"F1 fell to {score.F1:F4}: {score}");
        Assert.True(score.Recall >= 0.917, $"recall fell to {score.Recall:F4}: {score}");
        Assert.True(score.Precision >= 0.935, $"precision fell to {score.Precision:F4}: {score}");
        Assert.True(score.AllRight >= 0.72, $"pages all right fell to {score.AllRight:F4}: {score}");
    }

    [Fact]
    public void Extract_ArticleExtractionSharedHalf_StaysAboveTheQualityFloor()
    {
        var score = BenchmarkScores.Shingles(SharedData.PathOf("benchmarks", "article-extraction", "ground-truth.json"),
            ExtractAll("article-extraction"));
        output.WriteLine("article-extraction: " + score);

        Assert.True(score.F1 >= 0.974, $"F1 fell to {score.F1:F4}: {score}");
    }
}
