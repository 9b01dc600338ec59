using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HealthFunctions.Publishing.Format;
using HealthFunctions.Publishing.Rendering;
using HealthFunctions.Publishing.Tests.Support;
using HealthFunctions.Publishing.Text;

namespace HealthFunctions.Publishing.Tests;

/// <summary>
/// Keeps docs/post-format.md true: every <c>```markdown file=NAME</c> example is rendered under that file
/// name and compared with the <c>```json</c> record (every property shown) or the <c>```text</c> error that
/// follows it; the sanitiser lists in the doc must equal <see cref="HtmlSafetyPolicy"/>'s.
/// </summary>
public sealed partial class PostFormatDocTests
{
    private static readonly string DocPath = TestPaths.Output("Docs", "post-format.md");

    private sealed record Example(string FileName, string Markdown, string ResultKind, string Result, int Line);

    private static List<Example> Examples()
    {
        var lines = File.ReadAllText(DocPath).ReplaceLineEndings("\n").Split('\n');
        var blocks = new List<(string Info, string Body, int Line)>();
        for (var i = 0; i < lines.Length; i++)
        {
            var open = Fence().Match(lines[i]);
            if (!open.Success)
            {
                continue;
            }

            var fence = open.Groups["fence"].Value;
            var start = i;
            var body = new StringBuilder();
            for (i++; i < lines.Length && lines[i] != fence; i++)
            {
                body.Append(lines[i]).Append('\n');
            }

            blocks.Add((open.Groups["info"].Value.Trim(), body.ToString(), start + 1));
        }

        var examples = new List<Example>();
        for (var b = 0; b < blocks.Count; b++)
        {
            var info = blocks[b].Info;
            if (!info.StartsWith("markdown", StringComparison.Ordinal))
            {
                continue;
            }

            var file = FileName().Match(info);
            Assert.True(file.Success, $"docs/post-format.md line {blocks[b].Line}: a markdown example needs 'file=NAME'.");
            Assert.True(b + 1 < blocks.Count && blocks[b + 1].Info is "json" or "text", $"docs/post-format.md line {blocks[b].Line}: a markdown example must be followed by its ```json record or ```text error.");
            examples.Add(new Example(file.Groups[1].Value, blocks[b].Body, blocks[b + 1].Info, blocks[b + 1].Body, blocks[b].Line));
        }

        return examples;
    }

    public static TheoryData<string> DocumentedRecords()
    {
        var data = new TheoryData<string>();
        foreach (var example in Examples().Where(e => e.ResultKind == "json"))
        {
            data.Add(example.FileName);
        }

        return data;
    }

    public static TheoryData<string> DocumentedErrors()
    {
        var data = new TheoryData<string>();
        foreach (var example in Examples().Where(e => e.ResultKind == "text"))
        {
            data.Add(example.FileName);
        }

        return data;
    }

    [Fact]
    public void The_doc_has_record_and_error_examples()
    {
        Assert.True(DocumentedRecords().Count >= 6);
        Assert.True(DocumentedErrors().Count >= 3);
    }

    [Theory]
    [MemberData(nameof(DocumentedRecords))]
    public void Each_documented_example_renders_to_the_documented_record(string fileName)
    {
        var example = Examples().Single(e => e.FileName == fileName);
        var documented = JsonNode.Parse(example.Result)!.AsObject();

        var actual = PublishedJson.Parse(TestPosts.Render(example.Markdown, fileName));

        foreach (var required in new[] { "slug", "title", "date", "tags", "excerpt", "wordCount", "readingMinutes", "draft" })
        {
            Assert.True(documented.ContainsKey(required), $"the documented record for {fileName} (line {example.Line}) leaves out '{required}'.");
        }

        foreach (var (name, value) in documented)
        {
            Assert.True(
                JsonNode.DeepEquals(value, actual[name]),
                $"docs/post-format.md, example {fileName} (line {example.Line}): '{name}' is documented as {value?.ToJsonString()} but renders as {actual[name]?.ToJsonString()}.");
        }
    }

    [Theory]
    [MemberData(nameof(DocumentedErrors))]
    public void Each_documented_error_example_gives_the_documented_message(string fileName)
    {
        var example = Examples().Single(e => e.FileName == fileName);
        var prefix = $"error: {fileName}: ";
        var documented = example.Result.Trim();
        Assert.StartsWith(prefix, documented, StringComparison.Ordinal);

        var error = Assert.Throws<PostFormatException>(() => TestPosts.Render(example.Markdown, fileName));

        Assert.Equal(documented[prefix.Length..], error.Message);
    }

    [Theory]
    [InlineData("**Tags:**")]
    [InlineData("**Attributes:**")]
    [InlineData("**Schemes:**")]
    public void The_documented_sanitiser_lists_match_the_policy(string label)
    {
        var line = File.ReadLines(DocPath).Single(l => l.StartsWith(label, StringComparison.Ordinal));
        var documented = CodeSpan().Matches(line).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        IEnumerable<string> expected = label switch
        {
            "**Tags:**" => HtmlSafetyPolicy.Tags,
            "**Attributes:**" => HtmlSafetyPolicy.Attributes.Append("style"),
            _ => UrlSchemes.Allowed,
        };

        Assert.Equal(expected.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [GeneratedRegex("^(?<fence>`{3,}|~{3,})(?<info>.*)$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"\bfile=(\S+)")]
    private static partial Regex FileName();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();
}
