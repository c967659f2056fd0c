using MinistryMonitor.Core.Detection;

namespace MinistryMonitor.Core.Diffing;

/// <summary>
/// Turns paragraphs, sentences and words into numbers for <see cref="SequenceDiff"/>. Paragraphs and sentences
/// compare with their whitespace collapsed (a re-wrapped line is not an edit); words compare lower-cased and
/// canonical (a change of case or of quote style is not news), punctuation marks as themselves.
/// </summary>
internal sealed class DiffKeys
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

    public int Passage(string text, TextRange range) => Id(TextNormalizer.CollapseWhitespace(text.AsSpan(range.Start, range.Length)));

    public int Id(string key)
    {
        if (!_ids.TryGetValue(key, out var id)) _ids[key] = id = _ids.Count;
        return id;
    }

    /// <summary>The words and punctuation marks of a sentence, with their keys.</summary>
    public List<Token> Tokens(string text, TextRange range)
    {
        var tokens = new List<Token>();
        var position = range.Start;
        foreach (var word in WordTokenizer.Tokenize(text.Substring(range.Start, range.Length)))
        {
            var start = range.Start + word.Start;
            AddMarks(text, position, start, tokens);
            var key = "w" + TextNormalizer.Lower(TextNormalizer.Canonical(text.AsSpan(start, word.Length)));
            tokens.Add(new Token(Id(key), new TextRange(start, start + word.Length), true));
            position = start + word.Length;
        }
        AddMarks(text, position, range.End, tokens);
        return tokens;
    }

    private void AddMarks(string text, int from, int to, List<Token> tokens)
    {
        for (var i = from; i < to; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || TextNormalizer.IsIgnorable(c)) continue;
            tokens.Add(new Token(Id(Mark(c)), new TextRange(i, i + 1), false));
        }
    }

    private static string Mark(char c) => c switch
    {
        '“' or '”' or '„' or '«' or '»' => "p\"",
        '‘' or '’' => "p'",
        '–' or '—' => "p-",
        _ => "p" + c,
    };
}

/// <summary>A word or punctuation mark of a sentence.</summary>
internal readonly record struct Token(int Key, TextRange Range, bool IsWord);
