using HealthFunctions.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace HealthFunctions.Functions;

/// <summary><c>GET /api/posts/{slug}</c>: one published post with its HTML.</summary>
public sealed class GetPost
{
    private readonly PostsApi _posts;

    public GetPost(PostsApi posts)
    {
        _posts = posts;
    }

    [Function(nameof(GetPost))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "posts/{slug}")] HttpRequest request,
        string slug,
        CancellationToken cancellationToken) =>
        await _posts.GetAsync(request, slug, cancellationToken);
}
