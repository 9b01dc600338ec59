
namespace HealthFunctions.BrowserTests;

/// <summary>
/// The seeded blog as a reader with scripts on reaches it: the static site served at <c>/</c>, three
/// posts a listing page, so the home page has older posts to reach through "More posts" and the
/// month archives.
/// </summary>
public sealed class ReaderBlogSite(AzuriteFixture azurite) : BlogSite(azurite)
{
    public const int PostsPerPage = 3;

    /// <summary>Every page the reader tests open, with the posts each must list before it counts as written.</summary>
    private static readonly (string Path, string[] Contains)[] Pages =
    [
        ("/", [SeedPosts.SiteTitle, $"/{SeedPosts.BloodPressureSlug}/", "/2022/11/"]),
        ($"/{SeedPosts.KetamineSlug}/", ["iv-drip.png"]),
        ($"/{SeedPosts.BloodPressureSlug}/", []),
        ($"/{SeedPosts.BloodPressureOldSlug}/", [$"/{SeedPosts.BloodPressureSlug}/"]),
        ($"/{SeedPosts.HostileSlug}/", []),
        ("/tags/mental-health/", [$"/{SeedPosts.KetamineSlug}/", $"/{SeedPosts.HostileSlug}/"]),
        ("/tags/sleep/", []),
        ($"/authors/{SeedPosts.AuthorSlug}/", [$"/{SeedPosts.HostileSlug}/", $"/{SeedPosts.BloodPressureSlug}/"]),
        ($"/authors/{SeedPosts.ReviewerSlug}/", []),
        ("/2022/11/", ["/2021/02/"]),
        ("/2021/02/", [$"/{SeedPosts.HostileSlug}/"]),
        ("/404.html", []),
        ("/search.html", [SeedPosts.SiteTitle]),
    ];

    private Task? _written;

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Site:PostsPerPage"] = PostsPerPage.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Waits, once for all tests, until the page queue has written every page the tests open.</summary>
    public Task PagesWrittenAsync() => _written ??= WaitForPagesAsync();

    private async Task WaitForPagesAsync()
    {
        using var http = Http(followRedirects: false);
        var deadline = DateTime.UtcNow.AddSeconds(120);
        foreach (var (path, contains) in Pages)
        {
            while (true)
            {
                using var response = await http.GetAsync(path);
                var html = response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : string.Empty;
                if (response.IsSuccessStatusCode && contains.All(c => html.Contains(c, StringComparison.Ordinal)))
                {
                    break;
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"The page queue had not written {path} within 120 s (last answer {(int)response.StatusCode}).");
                }

                await Task.Delay(200);
            }
        }
    }
}
