using HealthFunctions.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace HealthFunctions.Functions;

/// <summary><c>GET /api/authors/{slug}/posts</c>: one author's posts, newest first, paged.</summary>
public sealed class ListAuthorPosts
{
    private readonly PostsApi _posts;

    public ListAuthorPosts(PostsApi posts)
    {
        _posts = posts;
    }

    [Function(nameof(ListAuthorPosts))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "authors/{slug}/posts")] HttpRequest request,
        string slug,
        CancellationToken cancellationToken) =>
        await _posts.ListByAuthorAsync(request, slug, cancellationToken);
}
