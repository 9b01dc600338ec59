namespace HealthFunctions.Search;

/// <summary>
/// A reader's query as words and quoted phrases, in the reader's spelling. Nothing in it is query
/// syntax: <c>title:*</c>, <c>~</c>, wildcards and parentheses are plain characters, and an
/// unmatched quote simply quotes the rest. Each engine analyses the words itself.
/// </summary>
public sealed record SearchQuery(IReadOnlyList<string> Words, IReadOnlyList<string> Phrases)
{
    public const int MaxLength = 200;

    /// <summary>Splits <paramref name="text"/> into words and phrases; false with a reason naming the problem.</summary>
    public static bool TryParse(string? text, out SearchQuery query, out string? error)
    {
        query = new SearchQuery([], []);
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            error = "'q' is empty; give the words to search for.";
            return false;
        }

        if (trimmed.Length > MaxLength)
        {
            error = $"'q' is {trimmed.Length} characters long; the limit is {MaxLength}.";
            return false;
        }

        if (trimmed.Any(char.IsControl))
        {
            error = "'q' contains control characters; use letters, digits and spaces.";
            return false;
        }

        var words = new List<string>();
        var phrases = new List<string>();
        var parts = trimmed.Split('"');
        for (var i = 0; i < parts.Length; i++)
        {
            // Odd parts sit between quotes; an unmatched last quote quotes the rest.
            if (i % 2 == 1)
            {
                var phrase = string.Join(' ', Split(parts[i]));
                if (phrase.Length > 0)
                {
                    phrases.Add(phrase);
                }
            }
            else
            {
                words.AddRange(Split(parts[i]));
            }
        }

        query = new SearchQuery(words, phrases);
        error = null;
        return true;
    }

    private static string[] Split(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
