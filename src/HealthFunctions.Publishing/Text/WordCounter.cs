using System.Globalization;
using System.Text;

namespace HealthFunctions.Publishing.Text;

/// <summary>
/// Counts words the way a reader would: a word is a run of letters or digits (in any script, including
/// letters outside the Basic Multilingual Plane), with any combining marks that follow them; an
/// apostrophe, hyphen, period or underscore between two such characters keeps the run going
/// (<c>don't</c>, <c>IV-infusion</c>, <c>3.5</c> are one word each). Punctuation, symbols and emoji
/// are not words. Scripts written without spaces (Chinese, Japanese) count one word per unbroken run.
/// </summary>
/// <remarks>
/// Text may arrive in pieces (<see cref="Add"/>): pieces of one passage continue each other, so a word
/// split across two pieces counts once; <see cref="EndPassage"/> separates passages, as a paragraph
/// break does. This lets the renderer count a post straight from its syntax tree without first
/// building the text.
/// </remarks>
public sealed class WordCounter
{
    // The counter is a three-state machine (between words, in a word, in a word just after a joiner)
    // driven by the class of each character (other, letter or digit, joiner, combining mark).
    private const int Between = 0;
    private const int InWord = 1;
    private const int AfterJoiner = 2;

    private const int Other = 0;
    private const int LetterOrDigit = 1;
    private const int Joiner = 2;
    private const int Mark = 3;

    /// <summary>Next state by [state * 4 + class]. A word starts (and is counted) only on Between + LetterOrDigit.</summary>
    private static readonly byte[] Next =
    [
        /* Between */     Between, InWord, Between, Between,
        /* InWord */      Between, InWord, AfterJoiner, InWord,
        /* AfterJoiner */ Between, InWord, Between, Between,
    ];

    /// <summary>The class of each ASCII character (ASCII has no combining marks).</summary>
    private static readonly byte[] AsciiClasses = Enumerable.Range(0, 128)
        .Select(c => (byte)(char.IsAsciiLetterOrDigit((char)c) ? LetterOrDigit : c is '\'' or '-' or '.' or '_' ? Joiner : Other))
        .ToArray();

    private int _state = Between;

    /// <summary>Words counted so far.</summary>
    public int Words { get; private set; }

    public static int Count(string text)
    {
        var counter = new WordCounter();
        counter.Add(text);
        return counter.Words;
    }

    public static int Count(IEnumerable<string> texts) => texts.Sum(Count);

    /// <summary>Counts the words in the next piece of the current passage.</summary>
    public void Add(ReadOnlySpan<char> text)
    {
        var state = _state;
        var words = Words;
        var i = 0;
        while (i < text.Length)
        {
            int kind;
            var c = text[i];
            if (c < 128)
            {
                kind = AsciiClasses[c];
                i++;
            }
            else
            {
                Rune.DecodeFromUtf16(text[i..], out var rune, out var consumed);
                i += consumed;
                kind = Rune.IsLetterOrDigit(rune) ? LetterOrDigit : IsMark(rune) ? Mark : rune.Value == '\u2019' ? Joiner : Other;
            }

            if (state == Between && kind == LetterOrDigit)
            {
                words++;
            }

            state = Next[(state * 4) + kind];
        }

        _state = state;
        Words = words;
    }

    /// <summary>Ends the current passage: the next piece starts a new word.</summary>
    public void EndPassage() => _state = Between;

    private static bool IsMark(Rune rune) => Rune.GetUnicodeCategory(rune)
        is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}
