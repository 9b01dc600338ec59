using System.Buffers.Text;
using System.Globalization;
using System.Text;
using HealthFunctions.Search;
using HealthFunctions.Site;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Api;

/// <summary>One search hit as the API shows it; <see cref="Snippet"/> is escaped HTML with only <c>&lt;mark&gt;</c> added.</summary>
public sealed record SearchResult(string Slug, string Title, DateTimeOffset Published, IReadOnlyList<string> Tags, string Snippet, string Url, string ApiUrl);

/// <summary>A page of search results, best first.</summary>
public sealed record SearchResultPage(IReadOnlyList<SearchResult> Items, string? Cursor, string? Next);

/// <summary><c>GET /api/search?q=&amp;limit=&amp;cursor=</c>: full-text search over the public posts.</summary>
public sealed class SearchApi
{
    /// <summary>The deepest result a cursor may reach: past it readers should refine the query.</summary>
    public const int MaxOffset = 500;

    public static readonly string[] Parameters = ["q", "limit", "cursor"];

    private readonly ISearchSource _search;
    private readonly TimeProvider _time;
    private readonly ApiFailures _failures;
    private readonly ApiOptions _options;

    public SearchApi(ISearchSource search, TimeProvider time, ApiFailures failures, IOptions<ApiOptions> options)
    {
        _search = search;
        _time = time;
        _failures = failures;
        _options = options.Value;
    }

    public Task<ApiResponse> SearchAsync(HttpRequest request, CancellationToken cancellationToken) =>
        _failures.GuardAsync(request, () => AnswerAsync(request, cancellationToken));

    private async Task<ApiResponse> AnswerAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var query = new QueryReader(request, Parameters);
        var text = query.Raw("q");
        var limit = query.Integer("limit", PostsApi.DefaultLimit, 1, 50);
        var cursor = query.Text("cursor", 40);
        if (query.Error is { } error)
        {
            return error;
        }

        if (!SearchQuery.TryParse(text, out var parsed, out var problem))
        {
            return ApiResponse.BadParameter("q", problem!);
        }

        var offset = 0;
        if (cursor is not null && !TryDecode(cursor, out offset))
        {
            return ApiResponse.BadParameter("cursor", "'cursor' is not a token this API gave out; start again without it.");
        }

        var index = await _search.GetAsync(cancellationToken);
        var page = await index.SearchAsync(parsed, _time.GetUtcNow(), offset, Math.Min(limit, MaxOffset - offset), cancellationToken);
        if (page is null)
        {
            return ApiResponse.BadParameter("q", "'q' has no word to search for: only common words such as 'the', punctuation or symbols.");
        }

        var next = page.NextOffset is { } n && n < MaxOffset ? Encode(n) : null;
        var body = new SearchResultPage(
            page.Items.Select(h => new SearchResult(h.Slug, h.Title, h.Published, h.Tags, h.Snippet, PagePaths.Post(h.Slug), PostsApi.PostUrl(h.Slug))).ToList(),
            next,
            next is null ? null : "/api/search" + QueryString.Create("q", text!).Add("limit", limit.ToString(CultureInfo.InvariantCulture)).Add("cursor", next).ToUriComponent());
        return ApiResponse.Ok(body, TimeSpan.FromSeconds(_options.ListingMaxAgeSeconds));
    }

    private static string Encode(int offset) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes("o" + offset.ToString(CultureInfo.InvariantCulture)));

    private static bool TryDecode(string cursor, out int offset)
    {
        offset = 0;
        if (!Base64Url.IsValid(cursor))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        return text.Length is > 1 and < 6 && text[0] == 'o' && text[1..].All(char.IsAsciiDigit)
            && int.TryParse(text.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out offset) && offset is > 0 and < MaxOffset;
    }
}
