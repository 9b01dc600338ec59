using System.Text.Json;
using System.Text.RegularExpressions;
using HealthFunctions.Search.AzureAiSearch;
using HealthFunctions.Search.Sync;
using HealthFunctions.Testing;
using Lucene.Net.Analysis.En;
using Lucene.Net.Util;

namespace HealthFunctions.Search.Tests;

/// <summary>
/// The Azure AI Search adapter without a network (the service has no emulator): document mapping,
/// query and filter text, paging and highlight snippets, over a fake of our own service interface.
/// </summary>
public sealed partial class AzureAiSearchTests : IDisposable
{
    private readonly FakeAzureSearchService _service = new();
    private readonly AzureAiSearchIndex _index;
    private readonly EnglishAnalyzer _analyzer = new(LuceneVersion.LUCENE_48);

    public AzureAiSearchTests()
    {
        _index = new AzureAiSearchIndex(_service);
    }

    public void Dispose()
    {
        _index.Dispose();
        _analyzer.Dispose();
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string? Build(string text) => AzureSearchQueries.Build(Docs.Query(text), _analyzer);

    [Theory]
    [InlineData("ketamine-infusion")]
    [InlineData("_leading-underscore")]
    [InlineData("ünïcode/slash.dot")]
    [InlineData("a")]
    public void Every_slug_maps_to_an_allowed_key_that_differs_from_every_other_slugs(string slug)
    {
        var key = AzureIndexFields.KeyOf(slug);

        Assert.Matches(AllowedKey(), key);
        Assert.NotEqual(key, AzureIndexFields.KeyOf(slug + "x"));
        Assert.NotEqual(key, AzureIndexFields.KeyOf(slug.ToUpperInvariant() + "_"));
    }

    [Fact]
    public void A_document_maps_every_field_with_dates_in_utc_and_the_body_cut()
    {
        var post = Docs.Post("salt-and-heart", "Salt and your heart", new string('x', 10) + " " + string.Join(' ', Enumerable.Repeat("word", 8000)), ["heart", "diet"]) with
        {
            Published = new DateTimeOffset(2026, 5, 1, 14, 0, 0, TimeSpan.FromHours(2)),
            Updated = new DateTimeOffset(2026, 5, 2, 9, 0, 0, TimeSpan.Zero),
            Expires = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero),
        };

        var doc = AzureIndexFields.ToIndexDocument(post);

        Assert.Equal(AzureIndexFields.KeyOf("salt-and-heart"), doc.Key);
        Assert.Equal("salt-and-heart", doc.Slug);
        Assert.Equal("Salt and your heart", doc.Title);
        Assert.Equal(["heart", "diet"], doc.Tags);
        Assert.Equal(post.Excerpt, doc.Excerpt);
        Assert.True(doc.Body.Length <= SearchDocument.MaxBodyChars);
        Assert.EndsWith("word", doc.Body, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.Zero, doc.Published.Offset);
        Assert.Equal(post.Published, doc.Published);
        Assert.Equal(post.Updated, doc.Updated);
        Assert.Equal(post.Expires, doc.Expires);
        Assert.False(doc.Draft);
    }

    [Fact]
    public void Highlight_markers_in_a_post_are_taken_out_so_only_the_service_can_add_them()
    {
        var post = Docs.Post("sneaky", $"Title {AzureSnippets.MarkStart}x", $"body {AzureSnippets.MarkEnd}<b>", [$"t{AzureSnippets.MarkStart}"]);

        var doc = AzureIndexFields.ToIndexDocument(post);

        foreach (var text in new[] { doc.Title, doc.Body, doc.Excerpt }.Concat(doc.Tags))
        {
            Assert.DoesNotContain(AzureSnippets.MarkStart, text, StringComparison.Ordinal);
            Assert.DoesNotContain(AzureSnippets.MarkEnd, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Words_and_phrases_become_required_quoted_clauses()
    {
        Assert.Equal("+\"infusions\" +\"blood pressure\"", Build("infusions \"blood pressure\""));
        Assert.Equal("+\"sleep\" +\"deep rest\"", Build("sleep \"deep rest"));
    }

    [Theory]
    [InlineData("title:*", "+\"title\"")]
    [InlineData("body:salt~2", "+\"body\\:salt\" +\"2\"")]
    [InlineData("salt AND heart OR NOT pain", "+\"salt\" +\"heart\" +\"pain\"")]
    [InlineData("(salt) [a TO z] {b}", "+\"salt\" +\"z\" +\"b\"")]
    [InlineData("blood-pressure", "+\"blood\" +\"pressure\"")]
    [InlineData("/reg.*ex/", "+\"reg\" +\"ex\"")]
    public void Hostile_words_keep_only_their_words_escaped(string text, string expected)
    {
        // The English analyser keeps "body:salt" as one word (a colon between letters joins them), so it stays one escaped word.
        Assert.Equal(expected, Build(text));
    }

    [Theory]
    [InlineData("*")]
    [InlineData("~ ? * : \\")]
    [InlineData("the of and")]
    [InlineData("\"\"")]
    [InlineData("\"the\"")]
    public void Nothing_searchable_is_no_query(string text)
    {
        Assert.Null(Build(text));
    }

    [Theory]
    [InlineData("\"title:* AND (x)\"", "+\"title\\:\\* AND \\(x\\)\"")]
    [InlineData("\"a\\b ~c && d || !e\"", "+\"a\\\\b \\~c \\&\\& d \\|\\| \\!e\"")]
    [InlineData("\"x <y> =z\"", "+\"x  y   z\"")]
    public void Phrases_keep_their_text_with_every_special_character_escaped(string text, string expected)
    {
        Assert.Equal(expected, Build(text));
    }

    [Theory]
    [InlineData("title:* \"body:(a OR b)~3\" x^2 /re/ \\\"")]
    [InlineData("+-&|!(){}[]^\"~*?:\\/ salt \"heart+-&|!(){}[]^~*?:\\/")]
    [InlineData("\"unbalanced \\\" quote")]
    public void Any_input_is_only_required_quoted_clauses_with_nothing_unescaped_inside(string text)
    {
        var built = Build(text);

        Assert.NotNull(built);
        Assert.Matches(OnlyQuotedClauses(), built);
    }

    [Fact]
    public void The_filter_keeps_drafts_out_and_shows_only_posts_public_at_now()
    {
        var filter = AzureSearchQueries.VisibleAt(new DateTimeOffset(2026, 6, 1, 14, 0, 0, 123, TimeSpan.FromHours(2)));

        Assert.Equal("draft eq false and published le 2026-06-01T12:00:00.123Z and (expires eq null or expires gt 2026-06-01T12:00:00.123Z)", filter);
    }

    [Fact]
    public async Task A_search_asks_for_the_page_plus_one_with_the_weights_filter_and_highlight_tags()
    {
        _service.Results = Enumerable.Range(0, 6).Select(i => Result("post-" + i)).ToList();

        var page = await _index.SearchAsync(Docs.Query("infusion"), Docs.Now, 10, 5, Token);

        var request = Assert.Single(_service.Requests);
        Assert.Equal("+\"infusion\"", request.SearchText);
        Assert.Equal(AzureSearchQueries.VisibleAt(Docs.Now), request.Filter);
        Assert.Equal(10, request.Skip);
        Assert.Equal(6, request.Size);
        Assert.Equal("posts", request.ScoringProfile);
        Assert.Equal(["title", "tags", "excerpt", "body"], request.SearchFields);
        Assert.Equal(["search.score() desc", "published desc"], request.OrderBy);
        Assert.Equal(AzureSnippets.MarkStart, request.HighlightPreTag);
        Assert.Equal(AzureSnippets.MarkEnd, request.HighlightPostTag);
        Assert.NotNull(page);
        Assert.Equal(["post-0", "post-1", "post-2", "post-3", "post-4"], page.Items.Select(h => h.Slug));
        Assert.Equal(15, page.NextOffset);
    }

    [Fact]
    public async Task The_last_page_has_no_next_offset()
    {
        _service.Results = [Result("only")];

        var page = await _index.SearchAsync(Docs.Query("infusion"), Docs.Now, 0, 10, Token);

        Assert.NotNull(page);
        Assert.Single(page.Items);
        Assert.Null(page.NextOffset);
    }

    [Fact]
    public async Task A_query_with_no_searchable_word_never_reaches_the_service()
    {
        var page = await _index.SearchAsync(Docs.Query("the *"), Docs.Now, 0, 10, Token);

        Assert.Null(page);
        Assert.Empty(_service.Requests);
    }

    [Fact]
    public async Task Snippets_escape_the_text_and_keep_only_mark()
    {
        _service.Results =
        [
            Result("a", body: [$"<script>alert(1)</script> and {AzureSnippets.MarkStart}salt{AzureSnippets.MarkEnd} & \"more\""]),
        ];

        var page = await _index.SearchAsync(Docs.Query("salt"), Docs.Now, 0, 10, Token);

        Assert.Equal("&lt;script&gt;alert(1)&lt;/script&gt; and <mark>salt</mark> &amp; &quot;more&quot;", Assert.Single(page!.Items).Snippet);
    }

    [Theory]
    [InlineData("\uE001x \uE000y", "x <mark>y</mark>")]
    [InlineData("\uE000a\uE000b\uE001\uE001c", "<mark>ab</mark>c")]
    [InlineData("plain", "plain")]
    public void Unbalanced_markers_still_give_balanced_marks(string fragment, string expected)
    {
        Assert.Equal(expected, AzureSnippets.Marked(fragment));
    }

    [Fact]
    public void Without_a_body_highlight_the_excerpt_highlight_then_the_excerpt_is_the_snippet()
    {
        var excerptOnly = new Dictionary<string, IReadOnlyList<string>> { ["excerpt"] = ["an \uE000infusion\uE001"] };

        Assert.Equal("an <mark>infusion</mark>", AzureSnippets.For(excerptOnly, "ignored"));
        Assert.Equal("Tom &amp; &lt;Jerry&gt;", AzureSnippets.For(new Dictionary<string, IReadOnlyList<string>>(), "Tom & <Jerry>"));
        Assert.EndsWith("…", AzureSnippets.For(new Dictionary<string, IReadOnlyList<string>>(), new string('a', 300)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stored_changes_are_mirrored_as_uploads_and_deletes_by_key()
    {
        var post = Docs.Post("salt-and-heart", "Salt", "Less salt.");

        await _index.ApplyAsync(new SearchChange(post.Slug, Docs.Now, post), Token);
        await _index.ApplyAsync(new SearchChange("gone", Docs.Now, null), Token);

        Assert.Equal(AzureIndexFields.KeyOf("salt-and-heart"), Assert.Single(_service.Uploaded).Key);
        Assert.Equal(AzureIndexFields.KeyOf("gone"), Assert.Single(_service.Deleted));
    }

    [Fact]
    public void The_index_schema_in_infra_matches_the_mapping_and_the_lucene_boosts()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "infra", "search", "posts-index.json")));
        var root = schema.RootElement;
        var fields = root.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);

        Assert.Equal(
            new[] { "id", "slug", "title", "tags", "excerpt", "body", "published", "updated", "expires", "draft" }.Order(),
            fields.Keys.Order());
        Assert.True(fields["id"].GetProperty("key").GetBoolean());
        foreach (var name in new[] { "draft", "published", "expires" })
        {
            Assert.True(fields[name].GetProperty("filterable").GetBoolean(), name);
        }

        Assert.True(fields["published"].GetProperty("sortable").GetBoolean());
        var profile = Assert.Single(root.GetProperty("scoringProfiles").EnumerateArray());
        Assert.Equal(AzureIndexFields.ScoringProfile, profile.GetProperty("name").GetString());
        var weights = profile.GetProperty("text").GetProperty("weights");
        foreach (var (field, weight) in AzureIndexFields.Searched)
        {
            Assert.Equal(weight, weights.GetProperty(field).GetDouble());
            Assert.Equal("en.lucene", fields[field].GetProperty("analyzer").GetString());
        }

        Assert.Equal([(4d), 3d, 1.5d, 1d], AzureIndexFields.Searched.Select(s => s.Weight));
    }

    private static AzureSearchResult Result(string slug, IReadOnlyList<string>? body = null) => new(
        slug,
        "Title of " + slug,
        ["tag"],
        "Excerpt of " + slug,
        Docs.Now.AddDays(-1),
        1.0,
        body is null ? new Dictionary<string, IReadOnlyList<string>>() : new Dictionary<string, IReadOnlyList<string>> { ["body"] = body });

    [GeneratedRegex("^[A-Za-z0-9=-][A-Za-z0-9_=-]*$")]
    private static partial Regex AllowedKey();

    /// <summary>Clauses <c>+"…"</c> separated by spaces; inside, every special character follows a backslash.</summary>
    [GeneratedRegex("""^\+"(?:[^\\"+\-&|!(){}\[\]^~*?:/<>=]|\\[\\+\-&|!(){}\[\]^"~*?:/])*"(?: \+"(?:[^\\"+\-&|!(){}\[\]^~*?:/<>=]|\\[\\+\-&|!(){}\[\]^"~*?:/])*")*$""")]
    private static partial Regex OnlyQuotedClauses();

    private sealed class FakeAzureSearchService : IAzureSearchService
    {
        public List<AzureSearchRequest> Requests { get; } = [];

        public List<AzureIndexDocument> Uploaded { get; } = [];

        public List<string> Deleted { get; } = [];

        public IReadOnlyList<AzureSearchResult> Results { get; set; } = [];

        public Task UploadAsync(AzureIndexDocument document, CancellationToken cancellationToken)
        {
            Uploaded.Add(document);
            return Task.CompletedTask;
        }

        public Task DeleteAsync(string key, CancellationToken cancellationToken)
        {
            Deleted.Add(key);
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<AzureSearchResult>> SearchAsync(AzureSearchRequest request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult<IReadOnlyList<AzureSearchResult>>(Results.Take(request.Size).ToList());
        }
    }
}
