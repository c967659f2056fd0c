using System.Text.Json;
using System.Text.RegularExpressions;

namespace MinistryMonitor.Core.Tests.Extraction;

/// <summary>Precision, recall and F1 of a folder of extracted texts, plus the share of pages all right (or exact).</summary>
public sealed record BenchmarkScore(double Precision, double Recall, double F1, double AllRight)
{
    public override string ToString() =>
        $"precision {Precision:F4}  recall {Recall:F4}  F1 {F1:F4}  all-right {AllRight:F4}";

    public static double Harmonic(double p, double r) => p + r > 0 ? 2 * p * r / (p + r) : 0;
}

/// <summary>
/// The metrics of the two shared benchmarks' score.py, re-implemented so that a test can gate on them without
/// python: web-extraction-eval's snippet matching and article-extraction's 4-token shingles. Both read
/// <c>NNNN.txt</c> files from a folder as score.py does (a missing file counts as empty).
/// </summary>
public static partial class BenchmarkScores
{
    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    // Python's \w on str: letters, all numbers and the underscore (.NET's \w differs on marks and connectors).
    [GeneratedRegex(@"[\p{L}\p{N}_]+")]
    private static partial Regex Word();

    private static string Normalize(string text) => Whitespace().Replace(text, " ").Trim();

    private static string ReadPrediction(string folder, string name)
    {
        var path = Path.Combine(folder, name + ".txt");
        return File.Exists(path) ? File.ReadAllText(path) : string.Empty;
    }

    /// <summary>web-extraction-eval/score.py: micro-averaged over snippets that must (not) appear in the text.</summary>
    public static BenchmarkScore Snippets(string annotationsFile, string predictions)
    {
        using var annotations = JsonDocument.Parse(File.ReadAllText(annotationsFile));
        int tp = 0, fp = 0, fn = 0, perfect = 0, pages = 0;
        foreach (var page in annotations.RootElement.EnumerateObject())
        {
            pages++;
            var file = page.Value.GetProperty("file").GetString()!;
            var text = Normalize(ReadPrediction(predictions, file.Replace(".html.gz", "", StringComparison.Ordinal)));
            var with = page.Value.GetProperty("with").EnumerateArray().Select(s => Normalize(s.GetString()!)).ToList();
            var without = page.Value.GetProperty("without").EnumerateArray().Select(s => Normalize(s.GetString()!)).ToList();
            var found = with.Count(s => text.Contains(s, StringComparison.Ordinal));
            var leaked = without.Count(s => text.Contains(s, StringComparison.Ordinal));
            tp += found;
            fn += with.Count - found;
            fp += leaked;
            if (found == with.Count && leaked == 0) perfect++;
        }
        var precision = tp + fp > 0 ? (double)tp / (tp + fp) : 0;
        var recall = tp + fn > 0 ? (double)tp / (tp + fn) : 0;
        return new BenchmarkScore(precision, recall, BenchmarkScore.Harmonic(precision, recall), (double)perfect / pages);
    }

    /// <summary>
    /// article-extraction/score.py: per page, multiset overlap of 4-token shingles normalised by their total;
    /// precision and recall are averaged over pages (macro), F1 is their harmonic mean; all-right is exact tokens.
    /// </summary>
    public static BenchmarkScore Shingles(string groundTruthFile, string predictions)
    {
        using var truth = JsonDocument.Parse(File.ReadAllText(groundTruthFile));
        var precisions = new List<double>();
        var recalls = new List<double>();
        int exact = 0, pages = 0;
        foreach (var page in truth.RootElement.EnumerateObject())
        {
            pages++;
            var expected = page.Value.TryGetProperty("articleBody", out var body) ? body.GetString() ?? "" : "";
            var trueTokens = Tokens(expected);
            var predictedTokens = Tokens(ReadPrediction(predictions, page.Name));
            if (trueTokens.SequenceEqual(predictedTokens)) exact++;
            var t = ShingleCounts(trueTokens);
            var p = ShingleCounts(predictedTokens);
            double tp = 0, fpCount = 0, fnCount = 0;
            foreach (var (shingle, count) in p)
            {
                var common = Math.Min(count, t.GetValueOrDefault(shingle));
                tp += common;
                fpCount += count - common;
            }
            foreach (var (shingle, count) in t) fnCount += Math.Max(0, count - p.GetValueOrDefault(shingle));
            var total = tp + fpCount + fnCount;
            if (total > 0) (tp, fpCount, fnCount) = (tp / total, fpCount / total, fnCount / total);
            var perfect = fpCount == 0 && fnCount == 0;
            if (tp + fpCount > 0) precisions.Add(perfect ? 1 : tp / (tp + fpCount));
            if (tp + fnCount > 0) recalls.Add(perfect ? 1 : tp / (tp + fnCount));
        }
        var precision = precisions.Count > 0 ? precisions.Average() : 0;
        var recall = recalls.Count > 0 ? recalls.Average() : 0;
        return new BenchmarkScore(precision, recall, BenchmarkScore.Harmonic(precision, recall), (double)exact / pages);
    }

    private static List<string> Tokens(string text) => Word().Matches(text).Select(m => m.Value).ToList();

    private static Dictionary<string, int> ShingleCounts(List<string> tokens)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tokens.Count == 0) return counts;
        if (tokens.Count < 4)
        {
            counts[string.Join('\u0001', tokens)] = 1;
            return counts;
        }
        for (var i = 0; i + 4 <= tokens.Count; i++)
        {
            var key = string.Join('\u0001', tokens.GetRange(i, 4));
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return counts;
    }
}
