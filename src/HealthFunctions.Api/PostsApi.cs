using HealthFunctions.Publishing.Index;
using HealthFunctions.Publishing.Queries;
using HealthFunctions.Publishing.Related;
using HealthFunctions.Publishing.Review;
using HealthFunctions.Publishing.Sources;
using HealthFunctions.Publishing.Text;
using HealthFunctions.Site;
using HealthFunctions.Site.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Api;

/// <summary>The posts endpoints: the newest-first listing (all, by tag, by author) and one post by slug.</summary>
public sealed class PostsApi
{
    public const int DefaultLimit = 10;

    /// <summary>The query parameters <c>GET /api/posts</c> accepts (the OpenAPI test checks the description against this).</summary>
    public static readonly string[] ListParameters = ["limit", "cursor", "tag", "author"];

    private readonly PostQueries _queries;
    private readonly IHtmlStore _html;
    private readonly SiteInfoReader _site;
    private readonly ApiOptions _options;
    private readonly ApiFailures _failures;
    private readonly ReviewPolicy _review;
    private readonly RelatedPostsReader _related;

    public PostsApi(PostQueries queries, IHtmlStore html, SiteInfoReader site, IOptions<ApiOptions> options, ApiFailures failures, ReviewPolicy review, [FromKeyedServices(StorageRoles.Reads)] RelatedPostsReader related)
    {
        _related = related;
        _review = review;
        _failures = failures;
        _queries = queries;
        _html = html;
        _site = site;
        _options = options.Value;
    }

    /// <summary><c>GET /api/posts?limit=&amp;cursor=&amp;tag=&amp;author=</c></summary>
    public Task<ApiResponse> ListAsync(HttpRequest request, CancellationToken cancellationToken) =>
        _failures.GuardAsync(request, () => ListAsync(request, null, cancellationToken));

    /// <summary><c>GET /api/authors/{slug}/posts</c>: the listing of one author, paged like the main one.</summary>
    public Task<ApiResponse> ListByAuthorAsync(HttpRequest request, string author, CancellationToken cancellationToken) =>
        Slugs.IsValid(author)
            ? _failures.GuardAsync(request, () => ListAsync(request, author, cancellationToken))
            : Task.FromResult(ApiResponse.NotFound($"There is no author '{author}': slugs are lower-case letters, digits and hyphens."));

    private async Task<ApiResponse> ListAsync(HttpRequest request, string? pathAuthor, CancellationToken cancellationToken)
    {
        var query = pathAuthor is null ? new QueryReader(request, ListParameters) : new QueryReader(request, "limit", "cursor");
        var limit = query.Integer("limit", DefaultLimit, 1, PostQueries.MaxPageSize);
        var cursor = query.Text("cursor", 200);
        var tag = query.Text("tag", 100);
        var author = pathAuthor ?? query.Text("author", 100);
        if (query.Error is { } error)
        {
            return error;
        }

        string? after = null;
        if (cursor is not null && !ListingCursor.TryDecode(cursor, out after))
        {
            return ApiResponse.BadParameter("cursor", "'cursor' is not a token this API gave out; start again without it.");
        }

        var page = await _queries.ListAsync(tag, author, after, limit, cancellationToken);
        var next = page.ContinueAfter is null ? null : ListingCursor.Encode(page.ContinueAfter);
        var body = new PostPage(
            page.Items.Select(Summary).ToList(),
            next,
            next is null ? null : NextLink(pathAuthor is null ? "/api/posts" : $"/api/authors/{pathAuthor}/posts", limit, next, tag, pathAuthor is null ? author : null));
        var newest = page.Items.Select(i => i.LastModified).DefaultIfEmpty().Max();
        return ApiResponse.Ok(body, TimeSpan.FromSeconds(_options.ListingMaxAgeSeconds), page.Items.Count > 0 ? newest : null);
    }

    /// <summary><c>GET /api/posts/{slug}</c></summary>
    public Task<ApiResponse> GetAsync(HttpRequest request, string slug, CancellationToken cancellationToken) =>
        _failures.GuardAsync(request, () => GetOneAsync(request, slug, cancellationToken));

    private async Task<ApiResponse> GetOneAsync(HttpRequest request, string slug, CancellationToken cancellationToken)
    {
        var query = new QueryReader(request);
        if (query.Error is { } error)
        {
            return error;
        }

        if (!Slugs.IsValid(slug))
        {
            return ApiResponse.NotFound($"There is no post '{slug}': slugs are lower-case letters, digits and hyphens.");
        }

        var maxAge = TimeSpan.FromSeconds(_options.PostMaxAgeSeconds);
        switch (await _queries.FindAsync(slug, cancellationToken))
        {
            case PostLookup.Found(var found):
                var post = found.Entry.Post;
                var url = PagePaths.Post(post.Slug);
                var author = await _site.PersonAsync(post.Author, cancellationToken);
                var reviewer = await _site.PersonAsync(post.ReviewedBy, cancellationToken);
                var site = await _site.GetAsync(cancellationToken);
                var related = await _related.ReadAsync(post.Slug, cancellationToken);
                var detail = new PostDetail(
                    post.Slug,
                    post.Title,
                    post.Published,
                    post.Updated,
                    post.Description,
                    post.Excerpt,
                    post.WordCount,
                    post.ReadingMinutes,
                    post.Tags,
                    post.Categories,
                    post.Author,
                    post.ReviewedBy,
                    post.LastReviewed,
                    _review.IsDue(post),
                    post.References.Select(r => new ReferenceLink(r.Title, r.Url?.ToString())).ToList(),
                    post.Image,
                    post.ImageAlt,
                    post.ImageWidth,
                    post.ImageHeight,
                    author,
                    reviewer,
                    url,
                    PostUrl(post.Slug),
                    found.Entry.HtmlLocation,
                    found.Html,
                    StructuredData.For(post, (site.BaseUrl ?? string.Empty) + url, Ld(author, site), Ld(reviewer, site), site.Title, site.Language),
                    related.Select(r => new RelatedPostLink(r.Slug, r.Title, r.Published, PagePaths.Post(r.Slug), PostUrl(r.Slug))).ToList());
                return ApiResponse.Ok(detail, maxAge, post.LastModified);
            case PostLookup.Moved(var target):
                return ApiResponse.MovedTo(PostUrl(target), maxAge);
            default:
                return ApiResponse.NotFound($"There is no published post '{slug}'.");
        }
    }

    public static string PostUrl(string slug) => "/api/posts/" + slug;

    private PostSummary Summary(ListingEntry entry) => PostSummary.From(entry, _html.LocationOf(entry.Slug));

    /// <summary>A person as JSON-LD names them: their profile page on the site when they have one.</summary>
    private static LdPerson? Ld(Person? person, SiteInfo site) =>
        person is null ? null : new LdPerson(person.Name, person.Credentials, person.Avatar, person.Slug is null ? null : (site.BaseUrl ?? string.Empty) + PagePaths.Author(person.Slug));

    private static string NextLink(string path, int limit, string cursor, string? tag, string? author)
    {
        var query = QueryString.Create("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture)).Add("cursor", cursor);
        if (tag is not null)
        {
            query = query.Add("tag", tag);
        }

        if (author is not null)
        {
            query = query.Add("author", author);
        }

        return path + query.ToUriComponent();
    }
}
