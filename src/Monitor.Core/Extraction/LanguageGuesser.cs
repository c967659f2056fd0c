namespace MinistryMonitor.Core.Extraction;

/// <summary>
/// A small stop-word vote for pages that do not declare their language: enough to tell apart the languages of
/// the ministries watched (English, Russian, Ukrainian, Azerbaijani, Turkish, French, German, Spanish).
/// </summary>
internal static class LanguageGuesser
{
    private const int SampleChars = 4000;
    private const int MinimumVotes = 3;

    private static readonly (string Language, HashSet<string> Words)[] StopWords =
    [
        ("en", Set("the", "and", "of", "to", "in", "is", "that", "for", "with", "on", "are", "this")),
        ("ru", Set("и", "в", "на", "не", "что", "с", "по", "для", "как", "это", "из", "также")),
        ("uk", Set("і", "та", "що", "на", "не", "з", "для", "це", "також", "від", "щодо", "україни")),
        ("az", Set("və", "ilə", "üçün", "bu", "bir", "olan", "da", "də", "isə", "həm", "edir", "olunub")),
        ("tr", Set("ve", "ile", "için", "bu", "bir", "olan", "da", "de", "gibi", "daha", "çok", "edildi")),
        ("fr", Set("le", "la", "les", "et", "des", "du", "est", "une", "pour", "que", "dans", "sur")),
        ("de", Set("der", "die", "und", "das", "ist", "nicht", "mit", "den", "von", "zu", "auf", "für")),
        ("es", Set("el", "los", "las", "y", "del", "que", "en", "por", "una", "para", "con", "se")),
    ];

    public static string? Guess(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var sample = text.Length > SampleChars ? text[..SampleChars] : text;
        var votes = new int[StopWords.Length];
        foreach (var word in sample.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var token = word.Trim('.', ',', ';', ':', '!', '?', '"', '«', '»', '(', ')').ToLowerInvariant();
            for (var i = 0; i < StopWords.Length; i++)
                if (StopWords[i].Words.Contains(token)) votes[i]++;
        }
        var best = 0;
        for (var i = 1; i < votes.Length; i++)
            if (votes[i] > votes[best]) best = i;
        return votes[best] >= MinimumVotes ? StopWords[best].Language : null;
    }

    private static HashSet<string> Set(params string[] words) => new(words, StringComparer.Ordinal);
}
