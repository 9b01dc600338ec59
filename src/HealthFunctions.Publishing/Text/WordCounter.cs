namespace HealthFunctions.Publishing.Text;

/// <summary>
/// Counts words the way a reader would: a word is a run of letters or digits; an apostrophe,
/// hyphen, period or underscore between two such characters keeps the run going
/// (<c>don't</c>, <c>IV-infusion</c>, <c>3.5</c> are one word each).
/// </summary>
public static class WordCounter
{
    public static int Count(string text)
    {
        var words = 0;
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c) || char.IsSurrogate(c))
            {
                if (!inWord)
                {
                    words++;
                    inWord = true;
                }
            }
            else if (inWord && IsJoiner(c) && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))
            {
                // stays inside the word
            }
            else
            {
                inWord = false;
            }
        }

        return words;
    }

    public static int Count(IEnumerable<string> texts) => texts.Sum(Count);

    private static bool IsJoiner(char c) => c is '\'' or '\u2019' or '-' or '.' or '_';
}
