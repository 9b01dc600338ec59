using System.Diagnostics;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using HealthFunctions.Publishing.Index;
using HealthFunctions.Publishing.Sync;

namespace HealthFunctions.IntegrationTests;

/// <summary>
/// Issue 14's hostile and careless uploads, each uploaded and run through the blob trigger's code path
/// (<c>PublishOnUpload</c> → <c>ContentSync.SyncAsync</c>): nothing throws, the status row says what an
/// editor needs to know, and nothing public changes. Times go to the test output.
/// </summary>
public sealed partial class HostileUploadTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string GoodPost = "2025-01-10-good-post.md";

    private readonly BlogTestHost _host = new(azurite);

    public async ValueTask InitializeAsync() =>
        await _host.UploadAndTriggerAsync(GoodPost, PostFile.Markdown("Good post", "2025-01-10", tags: "sleep, heart health"));

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Theory]
    [MemberData(nameof(HostileUploads.All), MemberType = typeof(HostileUploads))]
    public async Task A_hostile_upload_is_recorded_and_changes_nothing_public(HostileUpload upload)
    {
        var before = await PublicRowsAsync();
        await _host.UploadAsync(upload.Name, upload.Content);

        var clock = Stopwatch.StartNew();
        await _host.TriggerAsync(upload.Name);
        clock.Stop();
        var record = await _host.Get<IPostIndex>().GetSourceAsync(upload.Name, CancellationToken.None);
        TestContext.Current.TestOutputHelper?.WriteLine($"{upload.Case}: {clock.ElapsedMilliseconds} ms: {record?.State}: {record?.Message}");

        Assert.NotNull(record);
        Assert.Equal(upload.State, record.State.ToString());
        AssertMessage(upload.Message, record.Message);
        Assert.Equal(before, await PublicRowsAsync());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"{upload.Case} took {clock.Elapsed}");

        // The trigger delivers again (at least once): the same version is not processed again.
        var again = await _host.Get<ContentSync>().SyncAsync(upload.Name, CancellationToken.None);
        Assert.Contains(again.Outcome, new[] { SyncOutcome.Unchanged, SyncOutcome.Ignored });
    }

    [Theory]
    [MemberData(nameof(HostileUploads.All), MemberType = typeof(HostileUploads))]
    public async Task A_hostile_version_of_a_published_post_keeps_the_published_version(HostileUpload upload)
    {
        if (upload.State != nameof(SourceState.Failed))
        {
            // Ignored files are ignored by name; a published post's name cannot become one.
            Assert.Equal(nameof(SourceState.Ignored), upload.State);
            return;
        }

        var before = await PublicRowsAsync();
        await _host.UploadAndTriggerAsync(GoodPost, upload.Content);

        var record = await _host.Get<IPostIndex>().GetSourceAsync(GoodPost, CancellationToken.None);
        Assert.Equal(SourceState.Failed, record!.State);
        Assert.Equal("good-post", record.Slug);
        Assert.Equal(before, await PublicRowsAsync());
        var post = await _host.GetPostAsync("good-post");
        Assert.Equal(200, post.Status);
    }

    private static void AssertMessage(string expected, string? actual)
    {
        Assert.False(string.IsNullOrWhiteSpace(actual));
        Assert.DoesNotContain("   at ", actual, StringComparison.Ordinal);
        if (expected.Length == 0)
        {
            Assert.True(actual.Contains(HostileUploads.Unexpected, StringComparison.Ordinal) || LineNumber().IsMatch(actual), actual);
        }
        else
        {
            Assert.Contains(expected, actual, StringComparison.Ordinal);
        }
    }

    /// <summary>Every row of the index but the status rows, with its content, plus the HTML blobs: what readers can see.</summary>
    private async Task<string> PublicRowsAsync()
    {
        var rows = new List<string>();
        await foreach (var entity in _host.Index.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey ne {"source"}")))
        {
            var properties = entity.Where(p => p.Key is not ("odata.etag" or "Timestamp")).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}");
            rows.Add($"{entity.PartitionKey}|{entity.RowKey}|{string.Join(";", properties)}");
        }

        await foreach (var blob in _host.Html.GetBlobsAsync())
        {
            rows.Add($"html|{blob.Name}|{Convert.ToHexString(blob.Properties.ContentHash ?? [])}");
        }

        rows.Sort(StringComparer.Ordinal);
        return string.Join('\n', rows);
    }

    [GeneratedRegex(@"line \d+")]
    private static partial Regex LineNumber();
}
