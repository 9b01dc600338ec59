using System.Text;
using HealthFunctions.Publishing.Content;
using HealthFunctions.Publishing.Index;
using HealthFunctions.Publishing.Media;
using HealthFunctions.Publishing.Sources;
using HealthFunctions.Publishing.Sync;
using HealthFunctions.Publishing.Tests.Support;
using Moq;

namespace HealthFunctions.Publishing.Tests;

/// <summary>
/// The publish use case's decisions where storage races are hard to stage on a real emulator:
/// lost optimistic-concurrency races, a file that keeps changing, and rejected versions.
/// The stores are our own interfaces, mocked.
/// </summary>
public sealed class ContentSyncTests
{
    private readonly Mock<ISourceStore> _sources = new(MockBehavior.Strict);
    private readonly Mock<IHtmlStore> _html = new();
    private readonly Mock<IPostIndex> _index = new();
    private readonly Mock<IMediaStore> _media = new();
    private readonly InMemorySiteContent _content = new();

    public ContentSyncTests()
    {
        _media.Setup(m => m.ListAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(ImageCatalog.Empty);
        _html.Setup(h => h.LocationOf(It.IsAny<string>())).Returns((string slug) => $"html/{slug}.html");
        _index.Setup(i => i.ClaimSlugAsync(It.IsAny<PostEntry>(), It.IsAny<bool>(), It.IsAny<CancellationToken>())).ReturnsAsync(new SlugClaim(true, null));
    }

    [Fact]
    public async Task A_lost_race_on_the_status_row_starts_over_with_the_current_version()
    {
        SetupReads(Version("\"v1\"", "First draft"), Version("\"v2\"", "Second draft"));
        _index.SetupSequence(i => i.TrySaveSourceAsync(It.IsAny<SourceRecord>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(false)
            .ReturnsAsync(true);

        var result = await Sync().SyncAsync("post.md", CancellationToken.None);

        Assert.Equal(SyncOutcome.Added, result.Outcome);
        _html.Verify(h => h.WriteAsync("post", It.Is<string>(html => html.Contains("Second draft")), It.IsAny<CancellationToken>()));
        _index.Verify(i => i.TrySaveSourceAsync(It.Is<SourceRecord>(r => r.BlobETag == "\"v2\""), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task A_file_that_keeps_changing_is_left_to_the_triggers_retry()
    {
        SetupReads(Version("\"v1\"", "Text"));
        _index.Setup(i => i.TrySaveSourceAsync(It.IsAny<SourceRecord>(), It.IsAny<CancellationToken>())).ReturnsAsync(false);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Sync().SyncAsync("post.md", CancellationToken.None));

        Assert.Contains("kept changing", error.Message);
    }

    [Fact]
    public async Task A_broken_version_writes_only_its_status_and_keeps_what_was_published()
    {
        var published = new SourceRecord
        {
            BlobName = "post.md",
            State = SourceState.Published,
            Slug = "post",
            BlobETag = "\"v1\"",
            BlobLastModified = DateTimeOffset.UnixEpoch,
            ProcessedAt = DateTimeOffset.UnixEpoch,
            IndexKeys = [new IndexKey(ListingKeys.AllPosts, "row")],
            ETag = "etag-1",
        };
        _sources.Setup(s => s.ReadAsync("post.md", It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new SourceBlob("post.md", "\"v2\"", DateTimeOffset.UnixEpoch, 20, Encoding.UTF8.GetBytes("---\ndraft: maybe\n---\n")));
        _index.Setup(i => i.GetSourceAsync("post.md", It.IsAny<CancellationToken>())).ReturnsAsync(published);
        _index.Setup(i => i.TrySaveSourceAsync(It.IsAny<SourceRecord>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var result = await Sync().SyncAsync("post.md", CancellationToken.None);

        Assert.Equal(SyncOutcome.Failed, result.Outcome);
        _index.Verify(i => i.TrySaveSourceAsync(
            It.Is<SourceRecord>(r => r.State == SourceState.Failed && r.Slug == "post" && r.IndexKeys.Count == 1 && r.ETag == "etag-1"),
            It.IsAny<CancellationToken>()));
        _html.Verify(h => h.WriteAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        _html.Verify(h => h.DeleteAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        _index.Verify(i => i.UpsertListingAsync(It.IsAny<IEnumerable<ListingEntry>>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Posts_by_the_same_author_read_the_unchanged_profile_once()
    {
        await _content.SaveAuthorAsync(Profile("dr-jane-doe", "Dr. Jane Doe"), CancellationToken.None);
        var sync = Sync();
        SetupPost("a.md", "dr-jane-doe");
        SetupPost("b.md", "dr-jane-doe");
        SetupPost("c.md", "dr-jane-doe");

        var results = new[]
        {
            await sync.SyncAsync("a.md", CancellationToken.None),
            await sync.SyncAsync("b.md", CancellationToken.None),
            await sync.SyncAsync("c.md", CancellationToken.None),
        };

        Assert.All(results, result => Assert.Null(result.Message));
        Assert.Equal(1, _content.AuthorReads);
    }

    [Fact]
    public async Task An_author_profile_published_by_another_instance_is_seen_by_the_very_next_publish()
    {
        var here = Sync();
        SetupPost("a.md", "dr-jane-doe");
        SetupPost("b.md", "dr-jane-doe");
        SetupPost("c.md", "dr-jane-doe");

        var before = await here.SyncAsync("a.md", CancellationToken.None);
        await _content.SaveAuthorAsync(Profile("dr-jane-doe", "Dr. Jane Doe"), CancellationToken.None);
        var withProfile = await here.SyncAsync("b.md", CancellationToken.None);
        await _content.DeleteAuthorAsync("dr-jane-doe", CancellationToken.None);
        var afterDelete = await here.SyncAsync("c.md", CancellationToken.None);

        Assert.Contains("has no profile", before.Message, StringComparison.Ordinal);
        Assert.Null(withProfile.Message);
        Assert.Contains("has no profile", afterDelete.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_default_author_changed_by_another_instance_is_used_by_the_very_next_publish()
    {
        await _content.SaveSiteAsync(new SiteSettings { Title = "Blog", DefaultAuthor = "dr-jane-doe" }, CancellationToken.None);
        var here = Sync();
        SetupBlob("a.md", "---\ntitle: A\ndate: 2025-01-01\n---\nText.\n");
        SetupBlob("b.md", "---\ntitle: B\ndate: 2025-01-01\n---\nText.\n");
        var saved = new List<SourceRecord>();
        _index.Setup(i => i.TrySaveSourceAsync(Capture.In(saved), It.IsAny<CancellationToken>())).ReturnsAsync(true);

        await here.SyncAsync("a.md", CancellationToken.None);
        await _content.SaveSiteAsync(new SiteSettings { Title = "Blog", DefaultAuthor = "dr-john-roe" }, CancellationToken.None);
        await here.SyncAsync("b.md", CancellationToken.None);
        await here.SyncAsync("a.md", force: true, CancellationToken.None);

        Assert.Equal([["dr-jane-doe"], ["dr-john-roe"], ["dr-john-roe"]], saved.Select(r => r.People));
        Assert.Equal(2, _content.SiteReads);
    }

    [Fact]
    public async Task Publishing_an_author_profile_here_is_seen_by_the_next_post_at_once()
    {
        var sync = Sync();
        _index.Setup(i => i.ListSourcesAsync(It.IsAny<CancellationToken>())).Returns(AsyncEnumerable.Empty<SourceRecord>());
        SetupPost("a.md", "dr-jane-doe");
        SetupPost("b.md", "dr-jane-doe");
        SetupBlob("authors/dr-jane-doe.md", "---\nname: Dr. Jane Doe\n---\nGP.\n");

        var first = await sync.SyncAsync("a.md", CancellationToken.None);
        await sync.SyncAsync("authors/dr-jane-doe.md", CancellationToken.None);
        var second = await sync.SyncAsync("b.md", CancellationToken.None);

        Assert.Contains("has no profile", first.Message, StringComparison.Ordinal);
        Assert.Null(second.Message);
        Assert.Equal("Dr. Jane Doe", (await _content.GetAuthorAsync("dr-jane-doe", CancellationToken.None))!.Name);
    }

    private static AuthorProfile Profile(string slug, string name) => new() { Slug = slug, Name = name, BioHtml = string.Empty };

    private void SetupPost(string name, string author) =>
        SetupBlob(name, $"---\ntitle: {name}\ndate: 2025-01-01\nauthor: {author}\n---\nText.\n");

    private void SetupBlob(string name, string content)
    {
        var blob = new SourceBlob(name, "\"v1\"", DateTimeOffset.UnixEpoch, content.Length, Encoding.UTF8.GetBytes(content));
        _sources.Setup(s => s.ReadAsync(name, It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync(blob);
        _sources.Setup(s => s.GetETagAsync(name, It.IsAny<CancellationToken>())).ReturnsAsync(blob.ETag);
        _index.Setup(i => i.TrySaveSourceAsync(It.IsAny<SourceRecord>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
    }

    /// <summary>Each read returns the next version (the last one repeats); the blob's current ETag is that of the latest read.</summary>
    private void SetupReads(params SourceBlob[] versions)
    {
        var reads = 0;
        var current = versions[0];
        _sources.Setup(s => s.ReadAsync("post.md", It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => current = versions[Math.Min(reads++, versions.Length - 1)]);
        _sources.Setup(s => s.GetETagAsync("post.md", It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => current.ETag);
    }

    private static SourceBlob Version(string etag, string body) =>
        new("post.md", etag, DateTimeOffset.UnixEpoch, 100, Encoding.UTF8.GetBytes($"---\ntitle: Post\ndate: 2025-01-01\n---\n{body}\n"));

    /// <summary>An app instance of its own (its own service provider and cache) over the shared stores.</summary>
    private ContentSync Sync() =>
        TestSync.ContentSync(_sources.Object, _html.Object, _index.Object, _media.Object, _content);
}
