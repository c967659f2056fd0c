namespace MinistryMonitor.Core.Detection;

/// <summary>
/// Turns phrase hits into mentions, topic by topic: pairs NEAR/n sides, drops matches inside an exclusion,
/// keeps only matches whose required groups are found within the topic's scope, and keeps the longest of
/// overlapping matches of one topic (so "Lachin corridor" wins over "Lachin").
/// </summary>
internal static class MentionAssembler
{
    private readonly record struct Candidate(int Term, int First, int Last);

    /// <summary>A match that becomes a mention: topic, its term, and the first and last word.</summary>
    private readonly record struct Accepted(int Topic, int Term, int First, int Last);

    private static readonly Comparison<Candidate> ByStartThenLongest =
        (a, b) => a.First != b.First ? a.First.CompareTo(b.First) : b.Last.CompareTo(a.Last);

    // Most topics that match at all match one plain term once: the other lists stay empty and unallocated.
    // One instance serves every topic of a text in turn (cleared between them).
    private sealed class TopicHits
    {
        private static readonly List<Candidate> NoCandidates = [];
        private static readonly List<PhraseHit> NoHits = [];
        private static readonly List<(int Group, PhraseHit Hit)> NoRequired = [];

        private List<Candidate>? left;
        private List<Candidate>? right;
        private List<PhraseHit>? excluded;
        private List<(int Group, PhraseHit Hit)>? required;

        public List<Candidate> Terms { get; } = new(1);

        public List<Candidate> Left => left ?? NoCandidates;

        public List<Candidate> Right => right ?? NoCandidates;

        public List<PhraseHit> Excluded => excluded ?? NoHits;

        public List<(int Group, PhraseHit Hit)> Required => required ?? NoRequired;

        public void Clear()
        {
            Terms.Clear();
            left?.Clear();
            right?.Clear();
            excluded?.Clear();
            required?.Clear();
        }

        public void Add(PhraseUse use, PhraseHit hit)
        {
            var candidate = new Candidate(use.Index, hit.FirstWord, hit.LastWord);
            switch (use.Role)
            {
                case PhraseRole.Term: Terms.Add(candidate); break;
                case PhraseRole.NearLeft: (left ??= []).Add(candidate); break;
                case PhraseRole.NearRight: (right ??= []).Add(candidate); break;
                case PhraseRole.Exclude: (excluded ??= []).Add(hit); break;
                case PhraseRole.Require: (required ??= []).Add((use.Index, hit)); break;
            }
        }
    }

    public static List<Mention> Assemble(CompiledTopics compiled, string text, List<WordSpan> words, List<PhraseHit> hits)
    {
        // A statement can hold thousands of matches of subscribers' terms: group them by topic with a counting sort
        // (stable, so each topic sees its hits in the order the scan found them, as a per-topic list would hold
        // them) instead of an object per topic, and reuse one bucket.
        var ends = new int[compiled.Topics.Count];
        var touched = new List<int>();
        var total = 0;
        foreach (var hit in hits)
        {
            foreach (var use in compiled.UsesOf(hit.Phrase))
            {
                if (ends[use.Topic]++ == 0) touched.Add(use.Topic);
                total++;
            }
        }
        var offset = 0;
        foreach (var t in touched) (ends[t], offset) = (offset, offset + ends[t]);
        var grouped = new (PhraseUse Use, PhraseHit Hit)[total];
        foreach (var hit in hits)
        {
            foreach (var use in compiled.UsesOf(hit.Phrase)) grouped[ends[use.Topic]++] = (use, hit);
        }

        var layout = new Layout(text);
        var accepted = new List<Accepted>();
        var bucket = new TopicHits();
        var begin = 0;
        foreach (var t in touched)
        {
            bucket.Clear();
            for (; begin < ends[t]; begin++) bucket.Add(grouped[begin].Use, grouped[begin].Hit);
            AcceptMatches(compiled, t, bucket, words, layout, accepted);
        }

        // Mentions in text order, and at one offset in the ordinal order of topic ids.
        var keys = new long[accepted.Count];
        var ordered = accepted.ToArray();
        for (var i = 0; i < keys.Length; i++) keys[i] = ((long)ordered[i].First << 32) | (uint)compiled.Rank(ordered[i].Topic);
        Array.Sort(keys, ordered);
        var mentions = new List<Mention>(ordered.Length);
        foreach (var match in ordered)
        {
            mentions.Add(ToMention(compiled.Topics[match.Topic], compiled.Terms[match.Topic][match.Term].Source, match, text, words, layout));
        }
        return mentions;
    }

    /// <summary>One topic's matches: proximity pairs, exclusions and required groups applied, the longest of overlapping ones kept.</summary>
    private static void AcceptMatches(CompiledTopics compiled, int t, TopicHits bucket, List<WordSpan> words, Layout layout, List<Accepted> accepted)
    {
        if (bucket.Terms.Count == 0 && bucket.Left.Count == 0) return;
        var topic = compiled.Topics[t];
        var candidates = bucket.Terms;
        if (bucket.Left.Count > 0) AddProximityMatches(compiled.Terms[t], bucket, candidates);
        if (bucket.Excluded.Count > 0)
            candidates.RemoveAll(c => bucket.Excluded.Exists(e => e.FirstWord <= c.Last && e.LastWord >= c.First));
        if (topic.RequireAll.Count > 0)
            candidates.RemoveAll(c => !RequiredGroupsPresent(topic, bucket, c, words, layout));

        if (candidates.Count > 1) candidates.Sort(ByStartThenLongest);
        var coveredUpTo = -1;
        foreach (var candidate in candidates)
        {
            if (candidate.First <= coveredUpTo) continue;
            coveredUpTo = candidate.Last;
            accepted.Add(new Accepted(t, candidate.Term, candidate.First, candidate.Last));
        }
    }

    /// <summary>
    /// For each left side, the nearest right side of the same term within the allowed number of words between them
    /// (the first found of equally near ones). Right sides are in scan order, that is by first word: only those
    /// that start within reach of the left side are looked at, so a word frequent on both sides costs no square.
    /// </summary>
    private static void AddProximityMatches(IReadOnlyList<TermSpec> terms, TopicHits bucket, List<Candidate> candidates)
    {
        var rights = bucket.Right;
        var longest = 0;
        foreach (var right in rights) longest = Math.Max(longest, right.Last - right.First);
        foreach (var left in bucket.Left)
        {
            var distance = terms[left.Term].Distance;
            Candidate? best = null;
            var bestGap = int.MaxValue;
            // A right side before the left one ends at most distance + 1 words before it starts.
            for (var i = FirstStartingAtOrAfter(rights, left.First - distance - 1 - longest); i < rights.Count; i++)
            {
                var right = rights[i];
                if (right.First > left.Last + distance + 1) break;
                if (right.Term != left.Term) continue;
                var gap = right.First > left.Last ? right.First - left.Last - 1
                    : left.First > right.Last ? left.First - right.Last - 1
                    : -1; // overlapping sides are one phrase, not two near each other
                if (gap < 0 || gap > distance || gap >= bestGap) continue;
                bestGap = gap;
                best = right;
            }
            if (best is { } r) candidates.Add(new Candidate(left.Term, Math.Min(left.First, r.First), Math.Max(left.Last, r.Last)));
        }
    }

    /// <summary>The index of the first of <paramref name="sorted"/> (by first word) that starts at or after <paramref name="word"/>.</summary>
    private static int FirstStartingAtOrAfter(List<Candidate> sorted, int word)
    {
        int low = 0, high = sorted.Count;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (sorted[mid].First < word) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    private static bool RequiredGroupsPresent(Topic topic, TopicHits bucket, Candidate candidate, List<WordSpan> words, Layout layout)
    {
        var start = words[candidate.First].Start;
        var sentence = layout.SentenceIndex(start);
        var paragraph = layout.ParagraphIndex(start);
        for (var g = 0; g < topic.RequireAll.Count; g++)
        {
            var found = false;
            foreach (var (group, hit) in bucket.Required)
            {
                if (group != g) continue;
                var at = words[hit.FirstWord].Start;
                found = topic.Scope switch
                {
                    MatchScope.Statement => true,
                    MatchScope.Paragraph => layout.ParagraphIndex(at) == paragraph,
                    _ => layout.SentenceIndex(at) == sentence,
                };
                if (found) break;
            }
            if (!found) return false;
        }
        return true;
    }

    private static Mention ToMention(Topic topic, string term, Accepted candidate, string text, List<WordSpan> words, Layout layout)
    {
        var start = words[candidate.First].Start;
        var end = words[candidate.Last].End;
        return new Mention(topic.Id, topic.Name, term, start, end - start, layout.ParagraphIndex(start), layout);
    }

    /// <summary>
    /// Paragraphs and sentences of the text, worked out once per text and only if something matched. Mentions keep
    /// it to cut their snippets when read, possibly on other threads: the snippet cache is locked.
    /// </summary>
    private sealed class Layout(string text) : IMentionSource
    {
        public string Text => text;

        private readonly Dictionary<int, string> snippets = [];
        private List<TextRange>? paragraphs;
        private List<TextRange>? sentences;

        public int ParagraphIndex(int offset) => TextLayout.ParagraphIndex(paragraphs ??= TextLayout.Paragraphs(text), offset);

        public int SentenceIndex(int offset) => TextLayout.IndexOf(sentences ??= TextLayout.SentencesOfText(text), offset);

        /// <summary>
        /// The sentence with whitespace collapsed, except that the match itself stays exactly as written, so
        /// that <see cref="Mention.Snippet"/> always contains <see cref="Mention.MatchedText"/> (alerts highlight it).
        /// </summary>
        public string Snippet(int start, int end)
        {
            var index = SentenceIndex(start);
            var range = TextLayout.Snippet(text, sentences![index], start, end);
            if (!TextNormalizer.SurvivesCollapse(text.AsSpan(start, end - start)))
            {
                var before = Collapse(new TextRange(range.Start, start));
                var after = Collapse(new TextRange(end, range.End));
                return string.Concat(
                    before,
                    before.Length > 0 && char.IsWhiteSpace(text[start - 1]) ? " " : "",
                    text[start..end],
                    after.Length > 0 && char.IsWhiteSpace(text[end]) ? " " : "",
                    after);
            }
            if (range != sentences[index]) return Collapse(range);
            lock (snippets)
            {
                if (!snippets.TryGetValue(index, out var snippet)) snippets[index] = snippet = Collapse(range);
                return snippet;
            }
        }

        private string Collapse(TextRange range) => TextNormalizer.CollapseWhitespace(text.AsSpan(range.Start, range.Length));
    }
}
