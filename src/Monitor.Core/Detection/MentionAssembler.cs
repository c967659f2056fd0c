namespace Monitor.Core.Detection;

/// <summary>
/// Turns phrase hits into mentions, topic by topic: pairs NEAR/n sides, drops matches inside an exclusion,
/// keeps only matches whose required groups are found within the topic's scope, and keeps the longest of
/// overlapping matches of one topic (so "Lachin corridor" wins over "Lachin").
/// </summary>
internal static class MentionAssembler
{
    private readonly record struct Candidate(int Term, int First, int Last);

    private sealed class TopicHits
    {
        public List<Candidate> Terms { get; } = [];
        public List<Candidate> Left { get; } = [];
        public List<Candidate> Right { get; } = [];
        public List<PhraseHit> Excluded { get; } = [];
        public List<(int Group, PhraseHit Hit)> Required { get; } = [];
    }

    public static List<Mention> Assemble(CompiledTopics compiled, string text, List<WordSpan> words, List<PhraseHit> hits)
    {
        var byTopic = new Dictionary<int, TopicHits>();
        foreach (var hit in hits)
        {
            foreach (var use in compiled.UsesOf(hit.Phrase))
            {
                if (!byTopic.TryGetValue(use.Topic, out var bucket)) byTopic[use.Topic] = bucket = new TopicHits();
                switch (use.Role)
                {
                    case PhraseRole.Term: bucket.Terms.Add(new Candidate(use.Index, hit.FirstWord, hit.LastWord)); break;
                    case PhraseRole.NearLeft: bucket.Left.Add(new Candidate(use.Index, hit.FirstWord, hit.LastWord)); break;
                    case PhraseRole.NearRight: bucket.Right.Add(new Candidate(use.Index, hit.FirstWord, hit.LastWord)); break;
                    case PhraseRole.Exclude: bucket.Excluded.Add(hit); break;
                    case PhraseRole.Require: bucket.Required.Add((use.Index, hit)); break;
                }
            }
        }

        var paragraphs = TextLayout.Paragraphs(text);
        var mentions = new List<Mention>();
        foreach (var (t, bucket) in byTopic)
        {
            if (bucket.Terms.Count == 0 && bucket.Left.Count == 0) continue;
            var topic = compiled.Topics[t];
            var candidates = new List<Candidate>(bucket.Terms);
            AddProximityMatches(compiled.Terms[t], bucket, candidates);
            candidates.RemoveAll(c => bucket.Excluded.Any(e => e.FirstWord <= c.Last && e.LastWord >= c.First));
            if (topic.RequireAll.Count > 0)
                candidates.RemoveAll(c => !RequiredGroupsPresent(topic, bucket, c, text, words, paragraphs));

            candidates.Sort((a, b) => a.First != b.First ? a.First.CompareTo(b.First) : b.Last.CompareTo(a.Last));
            var coveredUpTo = -1;
            foreach (var candidate in candidates)
            {
                if (candidate.First <= coveredUpTo) continue;
                coveredUpTo = candidate.Last;
                mentions.Add(ToMention(topic, compiled.Terms[t][candidate.Term].Source, candidate, text, words, paragraphs));
            }
        }
        mentions.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.TopicId, b.TopicId));
        return mentions;
    }

    /// <summary>For each left side, the nearest right side of the same term within the allowed number of words between them.</summary>
    private static void AddProximityMatches(IReadOnlyList<TermSpec> terms, TopicHits bucket, List<Candidate> candidates)
    {
        foreach (var left in bucket.Left)
        {
            var distance = terms[left.Term].Distance;
            Candidate? best = null;
            var bestGap = int.MaxValue;
            foreach (var right in bucket.Right)
            {
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

    private static bool RequiredGroupsPresent(Topic topic, TopicHits bucket, Candidate candidate, string text, List<WordSpan> words, List<TextRange> paragraphs)
    {
        var start = words[candidate.First].Start;
        var end = words[candidate.Last].End;
        var sentence = topic.Scope == MatchScope.Sentence ? TextLayout.SentenceAround(text, start, end) : default;
        var paragraph = TextLayout.ParagraphIndex(paragraphs, start);
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
                    MatchScope.Paragraph => TextLayout.ParagraphIndex(paragraphs, at) == paragraph,
                    _ => sentence.Overlaps(at, words[hit.LastWord].End),
                };
                if (found) break;
            }
            if (!found) return false;
        }
        return true;
    }

    private static Mention ToMention(Topic topic, string term, Candidate candidate, string text, List<WordSpan> words, List<TextRange> paragraphs)
    {
        var start = words[candidate.First].Start;
        var end = words[candidate.Last].End;
        var sentence = TextLayout.SentenceAround(text, start, end);
        return new Mention(
            topic.Id,
            topic.Name,
            term,
            text[start..end],
            start,
            end - start,
            TextNormalizer.CollapseWhitespace(text.AsSpan(sentence.Start, sentence.Length)),
            TextLayout.ParagraphIndex(paragraphs, start));
    }
}
