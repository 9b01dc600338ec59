using System.Globalization;
using System.Text;
using HealthFunctions.Publishing.Text;

namespace HealthFunctions.Benchmarks.Corpus;

/// <summary>Writes one post of the corpus from a shared <see cref="Random"/>.</summary>
internal sealed class PostWriter
{
    private static readonly DateTimeOffset FirstDate = new(2019, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Random _random;
    private readonly int _index;
    private readonly string _batch;
    private readonly StringBuilder _text = new();
    private readonly List<string> _footnotes = [];
    private int _words;

    public PostWriter(Random random, int index, string batch)
    {
        _random = random;
        _index = index;
        _batch = batch;
    }

    public string Write(out string name)
    {
        var topic = Pick(Vocabulary.Topics);
        var title = string.Format(CultureInfo.InvariantCulture, Pick(Vocabulary.TitleShapes), topic);
        var date = FirstDate.AddDays(_random.Next(0, 2400)).AddMinutes(_random.Next(0, 24 * 60));
        var slug = Slugs.From($"{_batch} {title} {_index}");
        var titleInBody = Chance(0.1);
        var dateInName = Chance(0.15);
        var slugInMatter = Chance(0.3);
        var fileSlug = slugInMatter ? Slugs.From($"{_batch} {topic} draft {_index}") : slug;
        name = Invariant($"{date:yyyy}/{date:yyyy-MM-dd}-{fileSlug}.md");

        WriteFrontMatter(title, date, slug, titleInBody, dateInName, slugInMatter);
        if (titleInBody)
        {
            Line($"# {title}").Line();
        }

        var target = _random.Next(300, 1501);
        var blocks = 0;
        var moreAfter = Chance(0.3) ? 2 : -1;
        while (_words < target)
        {
            WriteBlock(blocks);
            blocks++;
            if (blocks == moreAfter)
            {
                Line("<!--more-->").Line();
            }
        }

        foreach (var footnote in _footnotes)
        {
            Line(footnote);
        }

        return _text.ToString();
    }

    private void WriteFrontMatter(string title, DateTimeOffset date, string slug, bool titleInBody, bool dateInName, bool slugInMatter)
    {
        Line("---");
        if (!titleInBody)
        {
            Line($"title: \"{title}\"");
        }

        if (!dateInName)
        {
            Line(Chance(0.5) ? Invariant($"date: {date:yyyy-MM-dd}") : Invariant($"date: {date:yyyy-MM-ddTHH:mm:ss}+02:00"));
        }

        if (slugInMatter)
        {
            Line($"slug: {slug}");
        }

        var tags = Enumerable.Range(0, _random.Next(1, 5)).Select(_ => Pick(Vocabulary.Tags)).Distinct().ToList();
        if (Chance(0.5))
        {
            Line($"tags: [{string.Join(", ", tags.Select(t => $"\"{t}\""))}]");
        }
        else
        {
            Line("tags:");
            foreach (var tag in tags)
            {
                Line($"  - \"{tag}\"");
            }
        }

        Line($"categories: [{Pick(Vocabulary.Categories)}]");
        Line($"author: \"{Pick(Vocabulary.Authors)}\"");
        if (Chance(0.6))
        {
            Line($"reviewedBy: \"{Pick(Vocabulary.Authors)}\"");
            Line(Invariant($"lastReviewed: {date.AddDays(_random.Next(10, 400)):yyyy-MM-dd}"));
        }

        if (Chance(0.3))
        {
            Line($"summary: \"{Sentence(14, 24, inline: false).Replace("\"", "'", StringComparison.Ordinal)} *Updated* guidance.\"");
        }

        if (Chance(0.5))
        {
            Line("references:");
            for (var i = _random.Next(1, 4); i > 0; i--)
            {
                Line($"  - title: \"{Capital(Words(4, 9))}\"");
                Line($"    url: {Url()}");
            }

            Line($"  - {Url()}");
        }

        if (Chance(0.4))
        {
            Line(Invariant($"image: /images/{date:yyyy}/{slug}.jpg"));
            Line($"imageAlt: \"{Capital(Words(4, 10))}\"");
        }

        if (Chance(0.2))
        {
            Line($"aliases: [/old/{slug}-{_random.Next(1, 9)}]");
        }

        Line(Invariant($"readingLevel: {_random.Next(6, 12)}"));
        Line("---").Line();
    }

    private void WriteBlock(int index)
    {
        if (index > 0 && index % _random.Next(3, 7) == 0)
        {
            Line($"## {Capital(Words(2, 7))}").Line();
            return;
        }

        var roll = _random.NextDouble() * 24;
        switch (roll)
        {
            case < 12:
                Paragraph();
                break;
            case < 13.5:
                Line($"### {Capital(Words(2, 6))}").Line();
                break;
            case < 15.5:
                List(ordered: false);
                break;
            case < 17:
                List(ordered: true);
                break;
            case < 17.7:
                TaskList();
                break;
            case < 19:
                Table();
                break;
            case < 20:
                CodeBlock();
                break;
            case < 21:
                Line($"> {Sentence(10, 24)} {Sentence(6, 14)}").Line($"> — {Pick(Vocabulary.Authors)}").Line();
                break;
            case < 22:
                Details();
                break;
            case < 22.6:
                Line($"<div class=\"callout\">\n<p><strong>Note:</strong> {Words(10, 22)}.</p>\n</div>").Line();
                break;
            case < 23.3:
                Line($"![{Capital(Words(3, 8))}](https://cdn.example.org/img/{_index}-{index}.jpg \"{Capital(Words(2, 5))}\")").Line();
                break;
            case < 23.5:
                Line("<iframe src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\" width=\"560\" height=\"315\"></iframe>").Line();
                break;
            default:
                Line("---").Line();
                break;
        }
    }

    private void Paragraph()
    {
        var sentences = Enumerable.Range(0, _random.Next(2, 6)).Select(_ => Sentence(8, 22));
        Line(string.Join(" ", sentences)).Line();
    }

    private void List(bool ordered)
    {
        var items = _random.Next(3, 7);
        for (var i = 1; i <= items; i++)
        {
            var marker = ordered ? Invariant($"{i}.") : "-";
            Line($"{marker} {Capital(Words(4, 14))}{(Chance(0.2) ? " " + Link() : string.Empty)}");
            if (Chance(0.15))
            {
                Line($"{new string(' ', marker.Length + 1)}- {Capital(Words(3, 9))}");
            }
        }

        Line();
    }

    private void TaskList()
    {
        for (var i = _random.Next(3, 6); i > 0; i--)
        {
            Line($"- [{(Chance(0.4) ? "x" : " ")}] {Capital(Words(3, 10))}");
        }

        Line();
    }

    private void Table()
    {
        var columns = _random.Next(3, 5);
        Line("| " + string.Join(" | ", Enumerable.Range(0, columns).Select(_ => Capital(Words(1, 3)))) + " |");
        Line("|" + string.Join("|", Enumerable.Range(0, columns).Select(c => c == 0 ? ":---" : Chance(0.5) ? "---:" : ":---:")) + "|");
        for (var row = _random.Next(3, 8); row > 0; row--)
        {
            var cells = Enumerable.Range(0, columns).Select(c => c == 0
                ? Capital(Words(1, 4))
                : Chance(0.6) ? Invariant($"{_random.Next(1, 500)} {Pick(["mg", "mmHg", "%", "min", "kcal"])}") : Words(1, 3));
            Line("| " + string.Join(" | ", cells) + " |");
        }

        Line();
    }

    private void CodeBlock()
    {
        Line("```" + Pick(Vocabulary.Languages));
        for (var i = _random.Next(4, 13); i > 0; i--)
        {
            Line(Invariant($"{Pick(Vocabulary.Words)}_{_random.Next(0, 99)}: {Words(1, 5)}  # {_random.Next(0, 1000)}"));
        }

        Line("```").Line();
    }

    private void Details()
    {
        Line("<details>").Line($"<summary>{Capital(Words(3, 8))}</summary>").Line();
        Paragraph();
        Line("</details>").Line();
    }

    private string Sentence(int min, int max, bool inline = true)
    {
        var words = _random.Next(min, max + 1);
        var parts = new List<string>(words);
        for (var i = 0; i < words; i++)
        {
            var word = Pick(Vocabulary.Words);
            if (inline)
            {
                word = _random.NextDouble() switch
                {
                    < 0.010 => $"**{word}**",
                    < 0.020 => $"*{word}*",
                    < 0.026 => $"`{word}`",
                    < 0.040 => Link(word),
                    < 0.043 => Invariant($"{word}<sup>{_random.Next(1, 9)}</sup>"),
                    < 0.046 => $"<abbr title=\"{Words(2, 4)}\">{Pick(Vocabulary.Abbreviations)}</abbr>",
                    < 0.048 => Footnote(word),
                    < 0.050 => $"~~{word}~~",
                    < 0.053 => $"{word}&nbsp;&mdash;",
                    < 0.054 => Url(),
                    _ => word,
                };
            }

            parts.Add(word);
        }

        _words += words;
        return Capital(string.Join(' ', parts)) + Pick([".", ".", ".", "?", "!"]);
    }

    private string Footnote(string word)
    {
        var number = _footnotes.Count + 1;
        _footnotes.Add(Invariant($"[^{number}]: {Capital(Words(6, 14))}. {Link()}"));
        return Invariant($"{word}[^{number}]");
    }

    private string Link(string? text = null) =>
        $"[{text ?? Capital(Words(2, 5))}]({Url()}{(Chance(0.2) ? $" \"{Capital(Words(1, 4))}\"" : string.Empty)})";

    private string Url() => Invariant($"{Pick(Vocabulary.Sites)}{Pick(Vocabulary.Words).ToLowerInvariant().Replace('/', '-')}-{_random.Next(100, 99999)}");

    private string Words(int min, int max)
    {
        var count = _random.Next(min, max + 1);
        _words += count;
        return string.Join(' ', Enumerable.Range(0, count).Select(_ => Pick(Vocabulary.Words)));
    }

    private bool Chance(double probability) => _random.NextDouble() < probability;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private PostWriter Line(string text = "")
    {
        _text.Append(text).Append('\n');
        return this;
    }
}
