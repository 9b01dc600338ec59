using HealthFunctions.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace HealthFunctions.Functions;

/// <summary><c>GET /api/authors/{slug}</c>: an author's profile with the sanitised bio.</summary>
public sealed class GetAuthor
{
    private readonly AuthorsApi _authors;

    public GetAuthor(AuthorsApi authors)
    {
        _authors = authors;
    }

    [Function(nameof(GetAuthor))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "authors/{slug}")] HttpRequest request,
        string slug,
        CancellationToken cancellationToken) =>
        await _authors.GetAuthorAsync(request, slug, cancellationToken);
}
