using System.Globalization;
using System.Text.RegularExpressions;

namespace MinistryMonitor.Core.Detection;

/// <summary>One phrase to find: its words, and how its last word may vary.</summary>
/// <param name="Prefix">The last word matches any word that starts with it (explicit "*", or Azerbaijani/Armenian).</param>
/// <param name="CaseSensitive">Matched as written in capitals, without stemming (acronyms).</param>
internal sealed record PhraseSpec(string Text, bool Prefix, bool CaseSensitive);

/// <summary>A parsed term: alternatives for one phrase, or for both sides of a NEAR/n pair.</summary>
internal sealed record TermSpec(string Source, IReadOnlyList<PhraseSpec> Left, IReadOnlyList<PhraseSpec>? Right, int Distance)
{
    public bool IsProximity => Right is not null;
}

/// <summary>
/// Parses the small term language of topics.json: <c>phrase</c>, <c>phrase*</c>, <c>a|b</c> alternatives,
/// and <c>left NEAR/n right</c>. Problems are reported as messages for <see cref="TopicCatalog"/> to attach to the topic.
/// </summary>
internal static partial class TermSyntax
{
    public const int MaxDistance = 50;

    [GeneratedRegex(@"\s+NEAR/(\S*)\s+", RegexOptions.CultureInvariant)]
    private static partial Regex NearOperator();

    public static TermSpec Parse(string source, bool caseSensitive)
    {
        var text = source.Trim();
        var near = NearOperator().Matches(text);
        if (near.Count > 1) throw new FormatException($"term '{source}': only one NEAR/n per term");
        if (near.Count == 0)
        {
            if (text.StartsWith("NEAR/", StringComparison.Ordinal) || text.EndsWith("NEAR", StringComparison.Ordinal) || text.Contains(" NEAR/", StringComparison.Ordinal))
                throw new FormatException($"term '{source}': NEAR/n needs a phrase on each side");
            return new TermSpec(source, Alternatives(source, text, caseSensitive), null, 0);
        }

        var op = near[0];
        if (!int.TryParse(op.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var distance) || distance < 0 || distance > MaxDistance)
            throw new FormatException($"term '{source}': NEAR/n needs a whole number of words from 0 to {MaxDistance}, not '{op.Groups[1].Value}'");
        var left = text[..op.Index];
        var right = text[(op.Index + op.Length)..];
        if (string.IsNullOrWhiteSpace(left) || string.IsNullOrWhiteSpace(right))
            throw new FormatException($"term '{source}': NEAR/n needs a phrase on each side");
        return new TermSpec(source, Alternatives(source, left, caseSensitive), Alternatives(source, right, caseSensitive), distance);
    }

    private static List<PhraseSpec> Alternatives(string source, string text, bool caseSensitive)
    {
        var result = new List<PhraseSpec>();
        foreach (var raw in text.Split('|'))
        {
            var phrase = raw.Trim();
            var prefix = phrase.EndsWith('*');
            if (prefix) phrase = phrase[..^1].TrimEnd();
            if (phrase.Length == 0) throw new FormatException($"term '{source}': empty phrase");
            if (phrase.Contains('*')) throw new FormatException($"term '{source}': '*' is only allowed at the end of a phrase");
            if (WordTokenizer.Tokenize(phrase).Count == 0) throw new FormatException($"term '{source}': has no letters or digits to match");
            if (caseSensitive && prefix) throw new FormatException($"term '{source}': an acronym cannot end with '*'");
            result.Add(new PhraseSpec(phrase, prefix, caseSensitive));
        }
        return result;
    }
}
