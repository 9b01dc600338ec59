using HealthFunctions.Search.Lucene;

namespace HealthFunctions.Search.Tests;

public sealed class LuceneSearchIndexTests : IDisposable
{
    private readonly LuceneSearchIndex _index = new();

    public LuceneSearchIndexTests()
    {
        _index.Load(
        [
            Docs.Post("ketamine-infusion", "Ketamine infusion therapy", "A treatment for depression given in a clinic.", ["mental health"], 30),
            Docs.Post("iv-hydration", "IV hydration at home", "Some clinics offer vitamin infusions for tiredness.", ["wellness"], 20),
            Docs.Post("salt-and-heart", "Salt and your heart", "Eating less salt lowers blood pressure in most adults.", ["heart"], 15),
            Docs.Post("pressure-points", "Pressure points", "Blood flows freely; pressure on the hand may ease pain.", ["pain"], 5),
            Docs.Post("future-post", "Infusion news", "Not out yet.", [], -3),
            Docs.Post("expired-post", "Old infusion offer", "Gone.", [], 100, Docs.Now.AddDays(-1)),
        ]);
    }

    public void Dispose() => _index.Dispose();

    private async Task<SearchPage> SearchAsync(string text, int offset = 0, int limit = 10) =>
        await _index.SearchAsync(Docs.Query(text), Docs.Now, offset, limit, TestContext.Current.CancellationToken)
        ?? throw new InvalidOperationException("no searchable words");

    [Fact]
    public async Task Stemming_finds_infusion_from_infusions_and_ranks_the_title_match_first()
    {
        var page = await SearchAsync("infusions");

        Assert.Equal(["ketamine-infusion", "iv-hydration"], page.Items.Select(h => h.Slug));
    }

    [Fact]
    public async Task Future_and_expired_posts_never_appear()
    {
        var page = await SearchAsync("infusion");

        Assert.DoesNotContain(page.Items, h => h.Slug is "future-post" or "expired-post");
        var later = await _index.SearchAsync(Docs.Query("infusion"), Docs.Now.AddDays(4), 0, 10, TestContext.Current.CancellationToken);
        Assert.Contains(later!.Items, h => h.Slug == "future-post");
    }

    [Fact]
    public async Task A_phrase_matches_only_the_words_together()
    {
        var page = await SearchAsync("\"blood pressure\"");

        Assert.Equal(["salt-and-heart"], page.Items.Select(h => h.Slug));
        var words = await SearchAsync("blood pressure");
        Assert.Equal(2, words.Items.Count);
    }

    [Fact]
    public async Task A_tag_match_outranks_a_body_match()
    {
        _index.Load([Docs.Post("body-only", "Walking", "Walking is good for the heart.", [], 1)]);

        var page = await SearchAsync("heart");

        Assert.Equal("salt-and-heart", page.Items[0].Slug);
        Assert.Equal("body-only", page.Items[^1].Slug);
    }

    [Fact]
    public async Task Snippets_mark_matches_and_escape_the_text()
    {
        _index.Load([Docs.Post("markup", "Markup", "Tips <script>alert(1)</script> & more about sleep hygiene.", [], 1)]);

        var hit = (await SearchAsync("sleep")).Items.Single();

        Assert.Contains("<mark>sleep</mark>", hit.Snippet, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", hit.Snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", hit.Snippet, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("title:*")]
    [InlineData("*")]
    [InlineData("~ ( ) AND OR")]
    [InlineData("\"the of\"")]
    public async Task Syntax_and_stop_words_alone_have_nothing_to_search(string text)
    {
        Assert.True(SearchQuery.TryParse(text, out var query, out _));
        var page = await _index.SearchAsync(query, Docs.Now, 0, 10, TestContext.Current.CancellationToken);
        Assert.True(page is null || page.Items.Count == 0);
    }

    [Theory]
    [InlineData("title:salt")]
    [InlineData("(salt")]
    [InlineData("salt~2")]
    [InlineData("sal*t")]
    public async Task Lucene_syntax_is_read_as_plain_words(string text)
    {
        var page = await _index.SearchAsync(Docs.Query(text), Docs.Now, 0, 10, TestContext.Current.CancellationToken);

        Assert.NotNull(page);
        Assert.True(page.Items.Count <= 1);
    }

    [Fact]
    public async Task Pages_follow_on_without_overlap()
    {
        _index.Load(Enumerable.Range(0, 7).Select(i => Docs.Post($"sleep-{i}", $"Sleep tip {i}", "Sleep well.", [], i + 1)));

        var first = await SearchAsync("sleep", 0, 5);
        var second = await SearchAsync("sleep", first.NextOffset!.Value, 5);

        Assert.Equal(5, first.Items.Count);
        Assert.Equal(2, second.Items.Count);
        Assert.Null(second.NextOffset);
        Assert.Empty(first.Items.Select(h => h.Slug).Intersect(second.Items.Select(h => h.Slug)));
    }

    [Fact]
    public async Task An_edit_replaces_and_a_remove_deletes()
    {
        var ct = TestContext.Current.CancellationToken;
        await _index.UpsertAsync(Docs.Post("salt-and-heart", "Potassium and your heart", "Bananas.", ["heart"], 15), ct);
        Assert.DoesNotContain((await SearchAsync("salt")).Items, h => h.Slug == "salt-and-heart");
        Assert.Single((await SearchAsync("potassium")).Items);

        await _index.RemoveAsync("salt-and-heart", ct);
        await _index.RemoveAsync("salt-and-heart", ct);
        Assert.Empty((await SearchAsync("potassium")).Items);
    }

    [Fact]
    public async Task Related_posts_share_words_and_tags_and_leave_out_the_post_itself()
    {
        _index.Load(
        [
            Docs.Post("low-salt-diet", "A low salt diet", "Less salt and blood pressure falls.", ["heart"], 2),
            Docs.Post("unrelated", "Choosing running shoes", "Fit and comfort matter.", ["fitness"], 1),
        ]);

        var related = await _index.RelatedAsync("salt-and-heart", Docs.Now, 5, TestContext.Current.CancellationToken);

        Assert.Equal("low-salt-diet", related[0].Slug);
        Assert.DoesNotContain(related, r => r.Slug is "salt-and-heart" or "unrelated" or "future-post");
    }
}
