using System.Net;
using Lucene.Net.Analysis;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace HealthFunctions.Search.Lucene;

/// <summary>
/// A short passage of a hit around the words that matched. The highlighter escapes the text
/// (<c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c>, <c>"</c>) and adds only <c>&lt;mark&gt;</c> around matches, so
/// the snippet is safe to insert as HTML.
/// </summary>
internal static class Snippets
{
    public const int FragmentChars = 160;

    public static string For(Query query, Analyzer analyzer, string body, string excerpt)
    {
        foreach (var (field, text) in new[] { (PostFields.Body, body), (PostFields.Excerpt, excerpt) })
        {
            var scorer = new QueryScorer(query, field);
            var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), scorer)
            {
                TextFragmenter = new SimpleSpanFragmenter(scorer, FragmentChars),
            };
            var fragment = highlighter.GetBestFragment(analyzer, field, text);
            if (!string.IsNullOrEmpty(fragment))
            {
                return fragment.Trim();
            }
        }

        var plain = excerpt.Length <= FragmentChars ? excerpt : excerpt[..FragmentChars] + "…";
        return WebUtility.HtmlEncode(plain);
    }
}
