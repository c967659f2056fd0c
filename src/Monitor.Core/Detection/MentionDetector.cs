using MinistryMonitor.Core.Diffing;

namespace MinistryMonitor.Core.Detection;

/// <summary>
/// Finds topic mentions with one automaton over normalised words (<see cref="TopicAutomaton"/>), applies the
/// topics' proximity, exclusion and required-group rules (<see cref="MentionAssembler"/>), and decides novelty
/// from the one paragraph/sentence/word diff against the previous version (<see cref="TextDiff"/>), the
/// same diff the statement page shows.
/// Safe to share between threads once built.
/// </summary>
public sealed class MentionDetector : IMentionDetector
{
    private readonly CompiledTopics compiled;

    public MentionDetector(IReadOnlyList<Topic> topics)
    {
        ArgumentNullException.ThrowIfNull(topics);
        compiled = new CompiledTopics(topics);
    }

    public IReadOnlyList<Topic> Topics => compiled.Topics;

    public IReadOnlyList<Mention> Match(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<WordSpan>(text.Length / 6);
        WordTokenizer.Tokenize(text, words);
        var hits = new List<PhraseHit>();
        compiled.Automaton.Scan(text, words, hits);
        return hits.Count == 0 ? [] : MentionAssembler.Assemble(compiled, text, words, hits);
    }

    public DetectionResult Detect(string? previousText, string currentText) => Novel(previousText, currentText, Match(currentText));

    /// <summary>
    /// Of the mentions already found in <paramref name="currentText"/>, those that are new since
    /// <paramref name="previousText"/>: for a caller that needs all of them too, so the text is scanned once.
    /// </summary>
    public static DetectionResult Novel(string? previousText, string currentText, IReadOnlyList<Mention> currentMentions)
    {
        if (previousText is null) return new DetectionResult(currentMentions, StatementDiff.FirstVersion);
        var diff = TextDiff.Compare(previousText, currentText);
        var fresh = currentMentions.Where(m => diff.IsFresh(m.Start, m.Start + m.Length)).ToList();
        return new DetectionResult(fresh, diff.Changes);
    }
}
