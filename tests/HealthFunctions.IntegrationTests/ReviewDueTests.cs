namespace HealthFunctions.IntegrationTests;

/// <summary>Review freshness against Azurite: the post response's <c>reviewDue</c> and the editors' report, on both sides of the 12-month boundary.</summary>
public sealed class ReviewDueTests(AzuriteFixture azurite) : IAsyncLifetime
{
    // Twelve months after 2025-01-15 is exactly this moment.
    private readonly BlogTestHost _host = new(azurite, new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero));

    public async ValueTask InitializeAsync()
    {
        await _host.UploadAndTriggerAsync("fresh.md", PostFile.Markdown("Fresh", "2024-06-01", extra: "reviewedBy: Dr Lee\nlastReviewed: 2025-01-16"));
        await _host.UploadAndTriggerAsync("boundary.md", PostFile.Markdown("Boundary", "2024-06-01", extra: "reviewedBy: Dr Lee\nlastReviewed: 2025-01-15"));
        await _host.UploadAndTriggerAsync("stale.md", PostFile.Markdown("Stale", "2024-06-01", extra: "reviewedBy: Dr Lee\nlastReviewed: 2023-03-01"));
        await _host.UploadAndTriggerAsync("nobody.md", PostFile.Markdown("Nobody", "2024-06-01", extra: "lastReviewed: 2025-12-01"));
        await _host.UploadAndTriggerAsync("draft.md", PostFile.Markdown("Draft", "2024-06-01", draft: true));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Theory]
    [InlineData("fresh", false)]
    [InlineData("boundary", true)]
    [InlineData("stale", true)]
    [InlineData("nobody", true)]
    public async Task The_post_response_flags_reviews_at_or_past_the_maximum_age_and_missing_reviewers(string slug, bool due)
    {
        var response = await _host.GetPostAsync(slug);

        Assert.Equal(200, response.Status);
        Assert.Equal(due, response.Json.GetProperty("reviewDue").GetBoolean());
    }

    [Fact]
    public async Task The_report_lists_due_posts_never_reviewed_first_then_oldest_review()
    {
        var response = await _host.GetAsync("/api/review-due");

        Assert.Equal(200, response.Status);
        var slugs = response.Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()).ToList();
        Assert.Equal(["nobody", "stale", "boundary"], slugs);
    }

    [Fact]
    public async Task A_shorter_maximum_age_flags_more()
    {
        await using var strict = new BlogTestHost(azurite.ConnectionString, _host.Clock.GetUtcNow(), new Dictionary<string, string?>(_host.Settings) { ["Review:MaxAgeMonths"] = "6" });

        var response = await strict.GetPostAsync("fresh");

        Assert.True(response.Json.GetProperty("reviewDue").GetBoolean());
    }

    [Fact]
    public async Task The_report_refuses_unknown_parameters()
    {
        var response = await _host.GetAsync("/api/review-due", "x=1");

        Assert.Equal(400, response.Status);
    }
}
