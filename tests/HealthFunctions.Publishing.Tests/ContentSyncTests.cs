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
    private readonly Mock<ISiteContentStore> _content = new();

    public ContentSyncTests()
    {
        _media.Setup(m => m.ListAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(ImageCatalog.Empty);
        _html.Setup(h => h.LocationOf(It.IsAny<string>())).Returns((string slug) => $"html/{slug}.html");
        _index.Setup(i => i.ClaimSlugAsync(It.IsAny<PostEntry>(), It.IsAny<bool>(), It.IsAny<CancellationToken>())).ReturnsAsync(new SlugClaim(true, null));
        _content.Setup(c => c.GetAuthorAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(new AuthorProfile { Slug = "x", Name = "X", BioHtml = string.Empty });
    }

    [Fact]
    public async Task ALostRaceOnTheStatusRowStartsOverWithTheCurrentVersion()
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
    public async Task AFileThatKeepsChangingIsLeftToTheTriggersRetry()
    {
        SetupReads(Version("\"v1\"", "Text"));
        _index.Setup(i => i.TrySaveSourceAsync(It.IsAny<SourceRecord>(), It.IsAny<CancellationToken>())).ReturnsAsync(false);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Sync().SyncAsync("post.md", CancellationToken.None));

        Assert.Contains("kept changing", error.Message);
    }

    [Fact]
    public async Task ABrokenVersionWritesOnlyItsStatusAndKeepsWhatWasPublished()
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
    public async Task PostsByTheSameAuthorReadTheProfileOnceWhileItIsFresh()
    {
        var clock = new SettableClock();
        var sync = Sync(clock);
        SetupPost("a.md", "dr-jane-doe");
        SetupPost("b.md", "dr-jane-doe");
        SetupPost("c.md", "dr-jane-doe");

        await sync.SyncAsync("a.md", CancellationToken.None);
        await sync.SyncAsync("b.md", CancellationToken.None);
        _content.Verify(c => c.GetAuthorAsync("dr-jane-doe", It.IsAny<CancellationToken>()), Times.Once);

        clock.Now += TimeSpan.FromSeconds(new PublishingOptions().ProfileCacheSeconds);
        await sync.SyncAsync("c.md", CancellationToken.None);
        _content.Verify(c => c.GetAuthorAsync("dr-jane-doe", It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task PublishingAnAuthorProfileHereIsSeenByTheNextPostAtOnce()
    {
        var sync = Sync(new SettableClock());
        _index.Setup(i => i.TrySaveSourceAsync(It.IsAny<SourceRecord>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        _index.Setup(i => i.ListSourcesAsync(It.IsAny<CancellationToken>())).Returns(AsyncEnumerable.Empty<SourceRecord>());
        _content.SetupSequence(c => c.GetAuthorAsync("dr-jane-doe", It.IsAny<CancellationToken>()))
            .ReturnsAsync((AuthorProfile?)null)
            .ReturnsAsync(new AuthorProfile { Slug = "dr-jane-doe", Name = "Dr. Jane Doe", BioHtml = string.Empty });
        SetupPost("a.md", "dr-jane-doe");
        SetupPost("b.md", "dr-jane-doe");
        SetupBlob("authors/dr-jane-doe.md", "---\nname: Dr. Jane Doe\n---\nGP.\n");

        var first = await sync.SyncAsync("a.md", CancellationToken.None);
        await sync.SyncAsync("authors/dr-jane-doe.md", CancellationToken.None);
        var second = await sync.SyncAsync("b.md", CancellationToken.None);

        Assert.Contains("has no profile", first.Message, StringComparison.Ordinal);
        Assert.Null(second.Message);
        _content.Verify(c => c.GetAuthorAsync("dr-jane-doe", It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    private void SetupPost(string name, string author) =>
        SetupBlob(name, $"---\ntitle: {name}\ndate: 2025-01-01\nauthor: {author}\n---\nText.\n");

    private void SetupBlob(string name, string content)
    {
        var blob = new SourceBlob(name, "\"v1\"", DateTimeOffset.UnixEpoch, content.Length, Encoding.UTF8.GetBytes(content));
        _sources.Setup(s => s.ReadAsync(name, It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync(blob);
        _sources.Setup(s => s.GetETagAsync(name, It.IsAny<CancellationToken>())).ReturnsAsync(blob.ETag);
        _index.Setup(i => i.TrySaveSourceAsync(It.IsAny<SourceRecord>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
    }

    private sealed class SettableClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
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

    private ContentSync Sync(TimeProvider? clock = null) =>
        TestSync.ContentSync(_sources.Object, _html.Object, _index.Object, _media.Object, _content.Object, clock);
}
