using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace HealthFunctions.Search.Lucene;

/// <summary>
/// Builds Lucene queries from a <see cref="SearchQuery"/> clause by clause, never through the query
/// parser: every word goes through the analyser, so punctuation and operators are dropped and each
/// remaining stem is one term query. Every word must match some field; each phrase must match as a
/// phrase in some field. No wildcard, fuzzy or range query can be formed from reader input.
/// </summary>
internal static class LuceneQueries
{
    /// <summary>
    /// A word scores by its best field (a title match is worth its boost) plus a little for each
    /// other field it is in, so a word repeated in the excerpt and the body does not beat the title.
    /// </summary>
    private const float TieBreaker = 0.1f;

    /// <returns>The query, or null when nothing searchable is left after analysis.</returns>
    public static Query? Build(SearchQuery query, Analyzer analyzer)
    {
        var root = new BooleanQuery();
        foreach (var word in query.Words)
        {
            foreach (var (term, _) in Analyse(analyzer, word))
            {
                var any = new DisjunctionMaxQuery(TieBreaker);
                foreach (var (field, boost) in PostFields.Searched)
                {
                    any.Add(new TermQuery(new Term(field, term)) { Boost = boost });
                }

                root.Add(any, Occur.MUST);
            }
        }

        foreach (var phrase in query.Phrases)
        {
            var terms = Analyse(analyzer, phrase);
            if (terms.Count == 0)
            {
                continue;
            }

            var any = new DisjunctionMaxQuery(TieBreaker);
            foreach (var (field, boost) in PostFields.Searched)
            {
                if (terms.Count == 1)
                {
                    any.Add(new TermQuery(new Term(field, terms[0].Term)) { Boost = boost });
                    continue;
                }

                var phraseQuery = new PhraseQuery { Boost = boost };
                foreach (var (term, position) in terms)
                {
                    phraseQuery.Add(new Term(field, term), position);
                }

                any.Add(phraseQuery);
            }

            root.Add(any, Occur.MUST);
        }

        return root.Clauses.Count == 0 ? null : root;
    }

    /// <summary>Only posts published at or before <paramref name="now"/> and expiring after it.</summary>
    public static Filter VisibleAt(DateTimeOffset now)
    {
        var ticks = now.UtcTicks;
        var visible = new BooleanQuery
        {
            { NumericRangeQuery.NewInt64Range(PostFields.Published, long.MinValue, ticks, true, true), Occur.MUST },
            { NumericRangeQuery.NewInt64Range(PostFields.Expires, ticks, long.MaxValue, false, true), Occur.MUST },
        };
        return new QueryWrapperFilter(visible);
    }

    /// <summary>The analysed terms of <paramref name="text"/> with their positions (stop words leave gaps).</summary>
    public static List<(string Term, int Position)> Analyse(Analyzer analyzer, string text)
    {
        var terms = new List<(string, int)>();
        using var stream = analyzer.GetTokenStream(PostFields.Body, new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            terms.Add((term.ToString(), position));
        }

        stream.End();
        return terms;
    }
}
