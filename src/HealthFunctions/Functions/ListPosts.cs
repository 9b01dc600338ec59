using HealthFunctions.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace HealthFunctions.Functions;

/// <summary><c>GET /api/posts</c>: the newest published posts.</summary>
public sealed class ListPosts
{
    private readonly PostsApi _posts;

    public ListPosts(PostsApi posts)
    {
        _posts = posts;
    }

    [Function(nameof(ListPosts))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "posts")] HttpRequest request,
        CancellationToken cancellationToken) =>
        await _posts.ListAsync(request, cancellationToken);
}
