using System.Text;
using HealthFunctions.Publishing.Format;
using HealthFunctions.Publishing.Tests.Support;

namespace HealthFunctions.Publishing.Tests;

/// <summary>Every refusal tells the editor what is wrong and where: the field, the line, or both.</summary>
public sealed class PostFormatErrorTests
{
    public static TheoryData<string, string, string?, int?, string> FrontMatterProblems => new()
    {
        {
            "unclosed front matter",
            "---\ntitle: Never closed\ndate: 2024-05-01\n\nBody.\n",
            null, 1,
            "line 1: the front matter opened with '---' on line 1 is never closed; end it with a '---' line."
        },
        {
            "front matter that is a list",
            "---\n- title: a\n- date: 2024-05-01\n---\nBody.\n",
            null, 2,
            "line 2: the front matter must be 'field: value' lines (a map), not a list."
        },
        {
            "front matter that is one value",
            "---\njust some text\n---\nBody.\n",
            null, 2,
            "line 2: the front matter must be 'field: value' lines (a map), not a single value."
        },
        {
            "invalid YAML (unclosed list)",
            "---\ntitle: T\ndate: 2024-05-01\ntags: [a, b\n---\nBody.\n",
            null, 5,
            "line 5: the front matter is not valid YAML: While parsing a flow sequence, did not find expected ',' or ']'."
        },
        {
            "invalid YAML (bad indentation)",
            "---\ntitle: T\n  date: 2024-05-01\n---\nBody.\n",
            null, 3,
            "line 3: the front matter is not valid YAML: While scanning a plain scalar value, found invalid mapping."
        },
        {
            "tags as a map",
            "---\ntitle: T\ndate: 2024-05-01\ntags: {a: b}\n---\nBody.\n",
            "tags", 4,
            "'tags' (line 4): must be a list or a comma-separated line of text."
        },
        {
            "a tag that is a list",
            "---\ntitle: T\ndate: 2024-05-01\ntags:\n  - ok\n  - [nested]\n---\nBody.\n",
            "tags", 6,
            "'tags' (line 6): must be a single line of text, not a list or map."
        },
        {
            "draft: maybe",
            "---\ntitle: T\ndate: 2024-05-01\ndraft: maybe\n---\nBody.\n",
            "draft", 4,
            "'draft' (line 4): 'maybe' is not true or false."
        },
        {
            "date: yesterday",
            "---\ntitle: T\ndate: yesterday\n---\nBody.\n",
            "date", 3,
            "'date' (line 3): 'yesterday' is not a date; write 2024-05-01, 2024-05-01T09:30:00+02:00 or 2024-05-01 09:30:00 +0200."
        },
        {
            "lastmod in US format",
            "---\ntitle: T\ndate: 2024-05-01\nlastmod: 05/02/2024\n---\nBody.\n",
            "lastmod", 4,
            "'lastmod' (line 4): '05/02/2024' is not a date; write 2024-05-01, 2024-05-01T09:30:00+02:00 or 2024-05-01 09:30:00 +0200."
        },
        {
            "title as a list",
            "---\ntitle: [a, b]\ndate: 2024-05-01\n---\nBody.\n",
            "title", 2,
            "'title' (line 2): must be a single line of text, not a list or map."
        },
        {
            "duplicate key",
            "---\ntitle: One\ndate: 2024-05-01\ntitle: Two\n---\nBody.\n",
            "title", 4,
            "'title' (line 4): the field is given twice; keep one."
        },
        {
            "duplicate key in another spelling",
            "---\ntitle: T\ndate: 2024-05-01\nreviewedBy: A\nreviewed_by: B\n---\nBody.\n",
            "reviewed_by", 5,
            "'reviewed_by' (line 5): the field is given twice (names match ignoring case, '-' and '_'); keep one."
        },
        {
            "invalid slug",
            "---\ntitle: T\ndate: 2024-05-01\nslug: My Post!\n---\nBody.\n",
            "slug", 4,
            "'slug' (line 4): 'My Post!' is not a valid slug; use lower-case letters, digits and single hyphens (for example 'my-post')."
        },
        {
            "reference with a script link",
            "---\ntitle: T\ndate: 2024-05-01\nreferences:\n  - title: Bad\n    url: javascript:alert(1)\n---\nBody.\n",
            "references", 6,
            "'references' (line 6): 'javascript:alert(1)' is not an http or https link."
        },
        {
            "reference with neither title nor url",
            "---\ntitle: T\ndate: 2024-05-01\nreferences:\n  - note: x\n---\nBody.\n",
            "references", 5,
            "'references' (line 5): each source needs a 'title' or a 'url'."
        },
        {
            "references as one line",
            "---\ntitle: T\ndate: 2024-05-01\nreferences: NICE 2022\n---\nBody.\n",
            "references", 4,
            "'references' (line 4): must be a list of sources (text, a link, or 'title' and 'url')."
        },
        {
            "alias that is not a slug",
            "---\ntitle: T\ndate: 2024-05-01\naliases: [/old/Über Post/]\n---\nBody.\n",
            "aliases", 4,
            "'aliases' (line 4): '/old/Über Post/' is not a slug or a path ending in one."
        },
        {
            "image with a script scheme",
            "---\ntitle: T\ndate: 2024-05-01\nimage: \" java\\tscript:alert(1)\"\n---\nBody.\n",
            "image", 4,
            "'image' (line 4): 'java\tscript:alert(1)' is not an http or https link or a path on this site."
        },
        {
            "image as a data URL",
            "---\ntitle: T\ndate: 2024-05-01\ncoverImage: data:image/svg+xml;base64,PHN2Zz4=\n---\nBody.\n",
            "coverImage", 4,
            "'coverImage' (line 4): 'data:image/svg+xml;base64,PHN2Zz4=' is not an http or https link or a path on this site."
        },
        {
            "TOML front matter",
            "+++\ntitle = \"T\"\n+++\nBody.\n",
            null, 1,
            "line 1: TOML front matter ('+++') is not supported; write it as YAML between '---' lines."
        },
    };

    [Theory]
    [MemberData(nameof(FrontMatterProblems))]
    public void Front_matter_problems_name_the_field_and_line(string problem, string markdown, string? field, int? line, string message)
    {
        var error = TestPosts.Reject(markdown);

        Assert.Equal(message, error.Message);
        Assert.Equal(field, error.Field);
        Assert.Equal(line, error.Line);
        Assert.False(string.IsNullOrEmpty(problem));
    }

    [Fact]
    public void Front_matter_line_numbers_count_from_the_top_of_the_file_with_crlf_and_a_bom()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("---\r\ntitle: T\r\n\r\ndate: 2024-05-01\r\ndraft: sometimes\r\n---\r\nBody.\r\n")).ToArray();

        var error = TestPosts.Reject(bytes);

        Assert.Equal("'draft' (line 5): 'sometimes' is not true or false.", error.Message);
    }

    [Fact]
    public void A_post_without_any_title_says_how_to_add_one()
    {
        var error = TestPosts.Reject("---\ndate: 2024-05-01\n---\nNo heading here.\n");

        Assert.Equal("'title': the post has no title; add 'title:' to the front matter or start the text with a '# Heading'.", error.Message);
        Assert.Equal("title", error.Field);
    }

    [Fact]
    public void A_post_without_any_date_says_how_to_add_one()
    {
        var error = TestPosts.Reject("---\ntitle: T\n---\nBody.\n", "undated.md");

        Assert.Equal("'date': the post has no date; add 'date: 2024-05-01' to the front matter or name the file '2024-05-01-my-post.md'.", error.Message);
    }

    public static TheoryData<string, byte[], string, int?> FileProblems => new()
    {
        { "empty file", [], "the file is empty.", null },
        { "white space only", Encoding.UTF8.GetBytes(" \n\t\r\n  \n"), "the file holds only white space.", null },
        { "BOM and white space only", [0xEF, 0xBB, 0xBF, (byte)'\n', (byte)' '], "the file holds only white space.", null },
        { "UTF-16 LE with BOM", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("---\ntitle: T\n---\n")).ToArray(), "the file is UTF-16; save it as UTF-8.", null },
        { "UTF-16 BE with BOM", Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes("---\ntitle: T\n---\n")).ToArray(), "the file is UTF-16; save it as UTF-8.", null },
        { "UTF-16 LE without BOM", Encoding.Unicode.GetBytes("---\ntitle: T\ndate: 2024-05-01\n---\nBody.\n"), "the file is UTF-16 (without a byte order mark); save it as UTF-8.", null },
        { "binary", [0x89, (byte)'P', (byte)'N', (byte)'G', (byte)'\r', (byte)'\n', 0x1A, (byte)'\n', 0x00, 0x00, 0x00, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R'], "line 3: the file looks binary (a NUL byte at offset 8); upload Markdown text.", 3 },
        { "NUL inside text", Encoding.UTF8.GetBytes("---\ntitle: T\n---\nBody\0text\n"), "line 4: the file looks binary (a NUL byte at offset 21); upload Markdown text.", 4 },
        { "Windows-1252", Encoding.Latin1.GetBytes("---\ntitle: Café\n---\nBody.\n"), "line 2: the file is not valid UTF-8 (bad byte 0xE9 at offset 14); it may be saved as Windows-1252 or Latin-1: save it as UTF-8.", 2 },
        { "truncated UTF-8 sequence", [.. Encoding.UTF8.GetBytes("---\ntitle: T\n---\nok\n"), 0xE2, 0x82], "line 5: the file is not valid UTF-8 (bad byte 0xE2 at offset 20); it may be saved as Windows-1252 or Latin-1: save it as UTF-8.", 5 },
    };

    [Theory]
    [MemberData(nameof(FileProblems))]
    public void Files_that_are_not_utf8_markdown_text_are_refused_with_a_specific_reason(string problem, byte[] content, string message, int? line)
    {
        var error = TestPosts.Reject(content, problem.Replace(' ', '-') + ".md");

        Assert.Equal(message, error.Message);
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_before_it_is_parsed()
    {
        var renderer = TestPosts.Create(options => options.MaxSourceBytes = 2048);
        var content = Encoding.UTF8.GetBytes(PostFile.Markdown(body: new string('a', 3000)));

        var error = Assert.Throws<PostFormatException>(() => renderer.Render("big.md", content));

        Assert.Equal($"the file is {content.Length:N0} bytes; the limit is 2,048 bytes.", error.Message);
    }

    [Fact]
    public void A_file_at_the_size_limit_is_accepted()
    {
        var renderer = TestPosts.Create(options => options.MaxSourceBytes = 2048);
        var prefix = PostFile.Markdown(body: string.Empty);
        var content = Encoding.UTF8.GetBytes(prefix + new string('a', 2048 - Encoding.UTF8.GetByteCount(prefix)));

        Assert.Equal(2048, content.Length);
        Assert.Equal("Test post", renderer.Render("limit.md", content).Title);
    }

    [Fact]
    public void Regression_text_passed_straight_to_the_renderer_that_was_only_white_space_blamed_the_missing_title()
    {
        var error = Assert.Throws<PostFormatException>(() => TestPosts.Renderer.Render("blank.md", "  \n\n"));

        Assert.Equal("the file holds only white space.", error.Message);
    }
}
