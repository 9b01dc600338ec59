using System.Diagnostics;
using HealthFunctions.Api;
using HealthFunctions.Publishing.Sync;

namespace HealthFunctions.IntegrationTests;

/// <summary>
/// Storage goes away and comes back: a persistent Azurite of this test's own (data in a temporary
/// folder) is stopped and started again on the same ports. Reads answer a quick 503 with
/// <c>Retry-After</c> meanwhile; a publish under way waits it out; everything works again after.
/// </summary>
public sealed class StorageOutageTests : IAsyncLifetime
{
    private readonly string _location = Path.Combine(Path.GetTempPath(), "azurite-outage-" + Guid.NewGuid().ToString("N")[..8]);
    private AzuriteProcess? _azurite;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_location);
        _azurite = await AzuriteProcess.StartPersistentAsync(_location);
    }

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        Directory.Delete(_location, recursive: true);
    }

    [Fact]
    public async Task Reads_answer_503_with_retry_after_during_an_outage_and_publishing_resumes_after_it()
    {
        var output = TestContext.Current.TestOutputHelper;
        var connection = _azurite!.ConnectionString;
        // The production read timeout, which the test host otherwise relaxes for suites sharing the machine.
        await using var host = new BlogTestHost(connection, extraSettings: new Dictionary<string, string?> { ["StorageReads:TimeoutSeconds"] = "1" });
        await host.UploadAndTriggerAsync("2025-07-01-before.md", PostFile.Markdown("Before", "2025-07-01"));
        await host.UploadAsync("2025-07-02-during.md", PostFile.Markdown("During", "2025-07-02"));
        await using var late = new BlogTestHost(connection, extraSettings: host.Settings);

        await _azurite.StopAsync();
        var clock = Stopwatch.StartNew();
        var listing = await host.GetPostsAsync();
        var listingTime = clock.Elapsed;
        var post = await host.GetPostAsync("before");
        var status = await host.GetAsync("/api/status");
        clock.Restart();
        var first = await late.GetPostsAsync();
        var firstTime = clock.Elapsed;
        output?.WriteLine($"outage: GET /api/posts answered {listing.Status} in {listingTime.TotalMilliseconds:F0} ms; a host whose first request met the outage answered {first.Status} in {firstTime.TotalMilliseconds:F0} ms");

        foreach (var answer in new[] { listing, post, status, first })
        {
            Assert.Equal(503, answer.Status);
            Assert.StartsWith("application/problem+json", answer.ContentType);
            Assert.Equal(ApiFailures.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), answer.Headers.RetryAfter.ToString());
            Assert.Equal(503, answer.Json.GetProperty("status").GetInt32());
        }

        Assert.True(listingTime < TimeSpan.FromSeconds(1.5), $"the 503 took {listingTime}");

        // A publish that starts during the outage keeps retrying (the publishing clients retry for longer) and completes once storage is back.
        clock.Restart();
        var publishing = host.Get<ContentSync>().SyncAsync("2025-07-02-during.md", CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.False(publishing.IsCompleted);
        var stopped = _azurite;
        _azurite = await AzuriteProcess.StartPersistentAsync(_location, stopped.Ports);
        await stopped.DisposeAsync();
        var published = await publishing;
        output?.WriteLine($"outage: the publish started during it finished {published.Outcome} {clock.Elapsed.TotalSeconds:F1} s after it started");

        Assert.Equal(SyncOutcome.Added, published.Outcome);
        var after = await host.GetPostsAsync();
        var afterLate = await late.GetPostsAsync();
        Assert.Equal(200, after.Status);
        Assert.Equal(["during", "before"], after.Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()));
        Assert.Equal(after.Body, afterLate.Body);
    }
}
