using System.Globalization;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace HealthFunctions.Search.AzureAiSearch;

/// <summary>
/// Turns a <see cref="SearchQuery"/> into Azure AI Search query text (<c>queryType=full</c>,
/// <c>searchMode=all</c>) and the visibility filter. Reader input never becomes syntax: each word is
/// cut into the words the English analyser keeps (so <c>title:*</c> is the word <c>title</c>, and
/// <c>*</c>, <c>~</c> or <c>the</c> alone are nothing), each kept word and each phrase is required and
/// quoted, and every character the Lucene syntax treats specially is escaped besides. No clause can
/// be a field query, wildcard, fuzzy, proximity, regular expression or range.
/// </summary>
public static class AzureSearchQueries
{
    /// <summary>The characters with a meaning in Azure AI Search's full Lucene syntax.</summary>
    private const string Special = "\\+-&|!(){}[]^\"~*?:/";

    /// <summary>Characters the service reserves that a backslash cannot escape; they are punctuation to the analyser, so they become spaces.</summary>
    private const string Reserved = "<>=";

    /// <returns>The query text, or null when no searchable word is left (as the embedded index answers).</returns>
    public static string? Build(SearchQuery query, Analyzer analyzer)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(analyzer);
        var clauses = new List<string>();
        foreach (var word in query.Words)
        {
            // A word the analyser splits ("blood-pressure", "title:*") is each of its parts, required, as in the embedded index.
            clauses.AddRange(KeptWords(analyzer, word).Select(Required));
        }

        foreach (var phrase in query.Phrases)
        {
            if (KeptWords(analyzer, phrase).Count > 0)
            {
                // The whole phrase goes as typed (escaped): the service's analyser leaves the same gaps for stop words.
                clauses.Add(Required(phrase));
            }
        }

        return clauses.Count == 0 ? null : string.Join(' ', clauses);
    }

    /// <summary>
    /// Only posts that are not drafts, published at or before <paramref name="now"/> and not yet
    /// expired, as an OData filter (the embedded index applies the same test).
    /// </summary>
    public static string VisibleAt(DateTimeOffset now)
    {
        var at = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return $"{AzureIndexFields.Draft} eq false and {AzureIndexFields.Published} le {at} and ({AzureIndexFields.Expires} eq null or {AzureIndexFields.Expires} gt {at})";
    }

    /// <summary>Backslash before every special character; reserved ones become spaces.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (Reserved.Contains(c, StringComparison.Ordinal))
            {
                escaped.Append(' ');
                continue;
            }

            if (Special.Contains(c, StringComparison.Ordinal))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    private static string Required(string text) => "+\"" + Escape(text) + "\"";

    /// <summary>The words of <paramref name="text"/> the analyser keeps, in the reader's spelling.</summary>
    private static List<string> KeptWords(Analyzer analyzer, string text)
    {
        var words = new List<string>();
        using var stream = analyzer.GetTokenStream(AzureIndexFields.Body, new StringReader(text));
        var offsets = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            words.Add(text[offsets.StartOffset..offsets.EndOffset]);
        }

        stream.End();
        return words;
    }
}
