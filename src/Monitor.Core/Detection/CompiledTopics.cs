namespace MinistryMonitor.Core.Detection;

/// <summary>What a phrase is for in a topic.</summary>
internal enum PhraseRole
{
    Term,
    NearLeft,
    NearRight,
    Exclude,
    Require,
}

/// <summary>One use of an automaton phrase: topic, role, and the term (or required group) it belongs to.</summary>
internal readonly record struct PhraseUse(int Topic, PhraseRole Role, int Index);

/// <summary>
/// The topics turned into automaton phrases. A phrase shared by many topics is stored once and lists all its uses,
/// so the scan is the same work however the phrases are spread over topics.
/// </summary>
internal sealed class CompiledTopics
{
    private readonly List<List<PhraseUse>> uses = [];
    private readonly PhraseUse[][] frozenUses;
    private readonly int[] ranks;

    public CompiledTopics(IReadOnlyList<Topic> topics)
    {
        Topics = topics;
        var terms = new List<IReadOnlyList<TermSpec>>();
        for (var t = 0; t < topics.Count; t++)
        {
            var topic = topics[t];
            var specs = new List<TermSpec>();
            foreach (var term in topic.Terms) specs.Add(Parse(topic, term, caseSensitive: false));
            foreach (var acronym in topic.Acronyms) specs.Add(Parse(topic, acronym, caseSensitive: true));
            for (var i = 0; i < specs.Count; i++)
            {
                var spec = specs[i];
                foreach (var phrase in spec.Left) Use(phrase, new PhraseUse(t, spec.IsProximity ? PhraseRole.NearLeft : PhraseRole.Term, i));
                foreach (var phrase in spec.Right ?? []) Use(phrase, new PhraseUse(t, PhraseRole.NearRight, i));
            }
            foreach (var exclusion in topic.Exclude)
            {
                foreach (var phrase in Parse(topic, exclusion, false).Left) Use(phrase, new PhraseUse(t, PhraseRole.Exclude, 0));
            }
            for (var g = 0; g < topic.RequireAll.Count; g++)
            {
                foreach (var term in topic.RequireAll[g])
                {
                    var spec = Parse(topic, term, false);
                    foreach (var phrase in spec.Left.Concat(spec.Right ?? [])) Use(phrase, new PhraseUse(t, PhraseRole.Require, g));
                }
            }
            terms.Add(specs);
        }
        Terms = terms;
        frozenUses = uses.Select(u => u.ToArray()).ToArray();
        ranks = RanksById(topics);
    }

    public IReadOnlyList<Topic> Topics { get; }

    /// <summary>Per topic: its terms then its acronyms, parsed.</summary>
    public IReadOnlyList<IReadOnlyList<TermSpec>> Terms { get; }

    public TopicAutomaton Automaton { get; } = new();

    /// <remarks>An array, not a list, so that walking it costs no enumerator per phrase hit.</remarks>
    public PhraseUse[] UsesOf(int phrase) => frozenUses[phrase];

    /// <summary>The topic's place in the ordinal order of topic ids: mentions at one offset are listed in that order.</summary>
    public int Rank(int topic) => ranks[topic];

    private static int[] RanksById(IReadOnlyList<Topic> topics)
    {
        var order = Enumerable.Range(0, topics.Count).Order(Comparer<int>.Create((a, b) => string.CompareOrdinal(topics[a].Id, topics[b].Id))).ToArray();
        var ranks = new int[topics.Count];
        for (var i = 0; i < order.Length; i++)
        {
            // Topics with one id share a rank, as they compared equal before.
            ranks[order[i]] = i > 0 && topics[order[i]].Id == topics[order[i - 1]].Id ? ranks[order[i - 1]] : i;
        }
        return ranks;
    }

    private void Use(PhraseSpec phrase, PhraseUse use)
    {
        var id = Automaton.Add(phrase);
        while (uses.Count <= id) uses.Add([]);
        uses[id].Add(use);
    }

    private static TermSpec Parse(Topic topic, string term, bool caseSensitive)
    {
        try
        {
            return TermSyntax.Parse(term, caseSensitive);
        }
        catch (FormatException ex)
        {
            throw new ArgumentException($"topic '{topic.Id}': {ex.Message}", nameof(topic), ex);
        }
    }
}
