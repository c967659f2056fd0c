using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using MinistryMonitor.Core.Archive;

namespace MinistryMonitor.Infrastructure.Search;

/// <summary>
/// A Lucene analyzer over <see cref="ArchiveText"/>: each word becomes its search keys, stacked at one position
/// (like synonyms), with the word's offsets in the original text.
/// </summary>
public sealed class ArchiveAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) => new(new ArchiveTokenizer(reader));

    private sealed class ArchiveTokenizer : Tokenizer
    {
        private readonly ICharTermAttribute term;
        private readonly IOffsetAttribute offset;
        private readonly IPositionIncrementAttribute increment;
        private IReadOnlyList<AnalyzedWord> words = [];
        private int textLength;
        private int word;
        private int key;

        public ArchiveTokenizer(TextReader reader) : base(reader)
        {
            term = AddAttribute<ICharTermAttribute>();
            offset = AddAttribute<IOffsetAttribute>();
            increment = AddAttribute<IPositionIncrementAttribute>();
        }

        public override bool IncrementToken()
        {
            ClearAttributes();
            while (word < words.Count && key >= words[word].Keys.Count) (word, key) = (word + 1, 0);
            if (word >= words.Count) return false;
            var w = words[word];
            term.SetEmpty().Append(w.Keys[key]);
            offset.SetOffset(CorrectOffset(w.Start), CorrectOffset(w.Start + w.Length));
            increment.PositionIncrement = key == 0 ? 1 : 0;
            key++;
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            var text = m_input.ReadToEnd();
            textLength = text.Length;
            words = ArchiveText.Words(text);
            (word, key) = (0, 0);
        }

        public override void End()
        {
            base.End();
            var final = CorrectOffset(textLength);
            offset.SetOffset(final, final);
        }
    }
}
