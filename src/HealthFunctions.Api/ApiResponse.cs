using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace HealthFunctions.Api;

/// <summary>
/// A complete HTTP answer: status, body bytes and headers. Handles conditional requests
/// (strong <c>ETag</c> over the body, <c>If-None-Match</c> → 304), caching headers and CORS,
/// so every endpoint behaves the same. Needs no MVC services to execute.
/// </summary>
public sealed class ApiResponse : IActionResult
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private ApiResponse(int status, byte[] body, string? contentType)
    {
        Status = status;
        Body = body;
        ContentType = contentType;
    }

    public int Status { get; }

    public byte[] Body { get; }

    public string? ContentType { get; }

    public string? CacheControl { get; private init; }

    public DateTimeOffset? LastModified { get; private init; }

    public string? Location { get; private init; }

    /// <summary>Seconds after which a client may try again (<c>Retry-After</c>), for a 503.</summary>
    public int? RetryAfter { get; private init; }

    /// <summary>The methods a 405's resource allows (<c>Allow</c>).</summary>
    public IReadOnlyList<string>? Allow { get; private init; }

    public bool Conditional { get; private init; }

    public static ApiResponse Ok<T>(T body, TimeSpan maxAge, DateTimeOffset? lastModified = null) =>
        Content(JsonSerializer.SerializeToUtf8Bytes(body, Json), "application/json; charset=utf-8", maxAge, lastModified);

    public static ApiResponse Content(byte[] body, string contentType, TimeSpan maxAge, DateTimeOffset? lastModified = null) =>
        new(StatusCodes.Status200OK, body, contentType)
        {
            CacheControl = $"public, max-age={(int)maxAge.TotalSeconds}",
            LastModified = lastModified,
            Conditional = true,
        };

    public static ApiResponse Content(string body, string contentType, TimeSpan maxAge, DateTimeOffset? lastModified = null) =>
        Content(Encoding.UTF8.GetBytes(body), contentType, maxAge, lastModified);

    /// <summary>An <c>application/problem+json</c> error (RFC 9457).</summary>
    public static ApiResponse Problem(int status, string detail, string? parameter = null)
    {
        var problem = new ProblemBody("about:blank", ReasonPhrases.GetReasonPhrase(status), status, detail, parameter);
        return new ApiResponse(status, JsonSerializer.SerializeToUtf8Bytes(problem, Json), "application/problem+json; charset=utf-8")
        {
            CacheControl = "no-store",
        };
    }

    public static ApiResponse BadParameter(string parameter, string detail) =>
        Problem(StatusCodes.Status400BadRequest, detail, parameter);

    public static ApiResponse NotFound(string detail) =>
        Problem(StatusCodes.Status404NotFound, detail);

    public static ApiResponse MethodNotAllowed(string detail, IReadOnlyList<string> allowed)
    {
        var problem = Problem(StatusCodes.Status405MethodNotAllowed, detail);
        return new ApiResponse(problem.Status, problem.Body, problem.ContentType) { CacheControl = "no-store", Allow = allowed };
    }

    /// <summary>A 503 with <c>Retry-After</c>: storage could not be reached; nothing is wrong with the request.</summary>
    public static ApiResponse Unavailable(int retryAfterSeconds)
    {
        var problem = Problem(StatusCodes.Status503ServiceUnavailable, $"The blog's storage cannot be reached just now; try again in {retryAfterSeconds} seconds.");
        return new ApiResponse(problem.Status, problem.Body, problem.ContentType) { CacheControl = "no-store", RetryAfter = retryAfterSeconds };
    }

    /// <summary>A permanent redirect, for a post whose slug changed.</summary>
    public static ApiResponse MovedTo(string location, TimeSpan maxAge) =>
        new(StatusCodes.Status301MovedPermanently, [], null)
        {
            Location = location,
            CacheControl = $"public, max-age={(int)maxAge.TotalSeconds}",
        };

    public static ApiResponse NoContent() => new(StatusCodes.Status204NoContent, [], null) { CacheControl = "no-store" };

    public static ApiResponse Private<T>(T body) =>
        new(StatusCodes.Status200OK, JsonSerializer.SerializeToUtf8Bytes(body, Json), "application/json; charset=utf-8") { CacheControl = "no-store" };

    /// <summary>The strong entity tag of the body: a hash, so equal bodies get equal tags on every instance.</summary>
    public string ETag => "\"" + Convert.ToBase64String(SHA256.HashData(Body).AsSpan(0, 16)).TrimEnd('=') + "\"";

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var request = context.HttpContext.Request;
        var response = context.HttpContext.Response;
        if (CacheControl is not null)
        {
            response.Headers.CacheControl = CacheControl;
        }

        if (Location is not null)
        {
            response.Headers.Location = Location;
        }

        if (Allow is { } allow)
        {
            response.Headers.Allow = string.Join(", ", allow);
        }

        if (RetryAfter is { } retryAfter)
        {
            response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        }

        if (Conditional)
        {
            var etag = ETag;
            response.Headers.ETag = etag;
            if (LastModified is { } modified)
            {
                response.Headers.LastModified = modified.ToUniversalTime().ToString("R", CultureInfo.InvariantCulture);
            }

            if (Matches(request.Headers.IfNoneMatch, etag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
        }

        response.StatusCode = Status;
        if (ContentType is not null)
        {
            response.ContentType = ContentType;
            response.ContentLength = Body.Length;
            if (!HttpMethods.IsHead(request.Method))
            {
                await response.Body.WriteAsync(Body);
            }
        }
    }

    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag)
    {
        foreach (var value in ifNoneMatch)
        {
            foreach (var candidate in (value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var tag = candidate.StartsWith("W/", StringComparison.Ordinal) ? candidate[2..] : candidate;
                if (tag == "*" || tag == etag)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private sealed record ProblemBody(string Type, string Title, int Status, string Detail, string? Parameter);
}
