using System.Text;
using CsCheck;
using HealthFunctions.Publishing.Format;
using HealthFunctions.Publishing.Tests.Support;

namespace HealthFunctions.Publishing.Tests;

/// <summary>
/// Generated front matter of every nesting style and depth (up to 6,000), field sizes up to 250,000
/// characters, many tags, anchors, unclosed brackets and stray tabs: the renderer either publishes it
/// or refuses it with a <see cref="PostFormatException"/>, and never throws anything else.
/// </summary>
public sealed class FrontMatterFuzzTests
{
    private static readonly Gen<(int Depth, int Style, int Size, int Field, int Tags, int Trick)> Shapes =
        Gen.Select(Gen.Int[0, 6_000], Gen.Int[0, 4], Gen.Int[0, 250_000], Gen.Int[0, 5], Gen.Int[0, 1_200], Gen.Int[0, 5]);

    [Fact]
    public void Generated_front_matter_is_published_or_refused_with_a_format_error()
    {
        Shapes.Sample(
            (depth, style, size, field, tags, trick) =>
            {
                var markdown = Build(depth, style, size, field, tags, trick);
                try
                {
                    var post = TestPosts.Render(markdown);
                    Assert.True(post.Title.Length <= PostLimits.TitleLength);
                    Assert.True(post.Tags.Count <= PostLimits.ListItems);
                }
                catch (PostFormatException ex)
                {
                    Assert.True(ex.Message.Length < 1_000, PostLimits.Shorten(ex.Message, 200));
                }
            },
            iter: 400,
            print: shape => shape.ToString());
    }

    internal static string Build(int depth, int style, int size, int field, int tags, int trick)
    {
        var yaml = new StringBuilder("title: Fuzzed\ndate: 2024-05-01\n");
        yaml.Append("nested: ").Append(Nested(Math.Max(1, depth), style)).Append('\n');
        var text = new string('x', size);
        yaml.Append(field switch
        {
            0 => $"title2: {text}\n",
            1 => $"summary: {text}\n",
            2 => $"author: {text}\n",
            3 => $"tags: [{text}]\n",
            4 => $"references:\n  - {{title: {text}}}\n",
            _ => $"notes: \"{text}\"\n",
        });
        yaml.Append("categories: [").Append(string.Join(", ", Enumerable.Range(0, tags).Select(i => $"c{i}"))).Append("]\n");
        yaml.Append(trick switch
        {
            1 => "base: &b {a: 1}\ncopy: *b\n",
            2 => "open: [a, {b: [c\n",
            3 => "title: again\n",
            4 => "\tindented: with a tab\n",
            5 => "quote: \"never ends\n",
            _ => string.Empty,
        });
        return $"---\n{yaml}---\nBody.\n";
    }

    private static string Nested(int depth, int style) => style switch
    {
        0 => new string('[', depth) + "x" + new string(']', depth),
        1 => string.Concat(Enumerable.Repeat("{a: ", depth)) + "x" + new string('}', depth),
        2 => "\n" + string.Concat(Enumerable.Range(1, Math.Min(depth, 400)).Select(i => new string(' ', i * 2) + $"k{i}:\n")) + new string(' ', (Math.Min(depth, 400) + 1) * 2) + "v",
        3 => string.Concat(Enumerable.Repeat("- ", Math.Min(depth, 2_000))).Insert(0, "\n  ") + "x",
        _ => string.Concat(Enumerable.Range(0, depth).Select(i => i % 2 == 0 ? "[" : "{k: ")) + "x" + string.Concat(Enumerable.Range(0, depth).Reverse().Select(i => i % 2 == 0 ? "]" : "}")),
    };
}
