using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace HealthFunctions.Api;

/// <summary>
/// The API's routes and methods, read from its own OpenAPI description (which a test keeps in step
/// with the function classes). Answers a request no function took: <c>405</c> with <c>Allow</c>
/// when the path is an endpoint's and only the method is wrong, else <c>404</c>; both as problems,
/// where the Functions host would answer with an empty body.
/// </summary>
public sealed class ApiRoutes
{
    private readonly IReadOnlyList<(string[] Segments, string[] Methods)> _routes;

    public ApiRoutes()
    {
        using var document = JsonDocument.Parse(SiteApi.OpenApi().Body);
        _routes = document.RootElement.GetProperty("paths").EnumerateObject()
            .Select(path =>
            {
                var methods = path.Value.EnumerateObject().Select(op => op.Name.ToUpperInvariant()).ToList();
                if (methods.Contains("GET"))
                {
                    methods.Add("HEAD");
                }

                return (path.Name.Trim('/').Split('/'), methods.ToArray());
            })
            .ToList();
    }

    /// <param name="path">The path after the route prefix (<c>posts/x</c>).</param>
    public ApiResponse Unmatched(HttpRequest request, string? path)
    {
        ArgumentNullException.ThrowIfNull(request);
        var segments = (path ?? string.Empty).Trim('/').Split('/');
        var allowed = _routes.Where(route => Matches(route.Segments, segments)).SelectMany(route => route.Methods).Distinct().ToArray();
        return allowed.Length == 0
            ? ApiResponse.NotFound($"There is no endpoint at '{request.Path}'.")
            : ApiResponse.MethodNotAllowed($"'{request.Method}' is not allowed on '{request.Path}'; use {string.Join(", ", allowed)}.", allowed);
    }

    private static bool Matches(string[] template, string[] segments) =>
        template.Length == segments.Length
        && template.Zip(segments).All(pair => pair.First.StartsWith('{') || string.Equals(pair.First, pair.Second, StringComparison.Ordinal));
}
