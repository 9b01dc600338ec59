using System.ComponentModel.DataAnnotations;

namespace HealthFunctions.LocalHost;

/// <summary>Settings of the local stand-in for the Functions host. Bound to the "LocalHost" section.</summary>
public sealed class LocalHostOptions
{
    public const string SectionName = "LocalHost";

    /// <summary>
    /// The key that functions with <c>AuthorizationLevel.Function</c> or <c>Admin</c> require, as
    /// <c>?code=</c> or the <c>x-functions-key</c> header. Local only: never a real key.
    /// </summary>
    [Required, MinLength(8)]
    public string FunctionKey { get; set; } = "local-dev-key";

    /// <summary>The prefix of every HTTP function's route, as <c>extensions.http.routePrefix</c> in host.json (default <c>api</c>).</summary>
    [RegularExpression("^[A-Za-z0-9_-]*(/[A-Za-z0-9_-]+)*$", ErrorMessage = "RoutePrefix must be empty or path segments without leading or trailing slashes.")]
    public string RoutePrefix { get; set; } = "api";

    /// <summary>How often the source container is listed to find new, changed and deleted blobs.</summary>
    [Range(0.05, 3600)]
    public double BlobPollSeconds { get; set; } = 2;

    /// <summary>How often the site's page queue is read for visible messages.</summary>
    [Range(0.05, 3600)]
    public double QueuePollSeconds { get; set; } = 0.25;

    /// <summary>Folder served at <c>/</c> after the site container (<c>config.js</c>, the search page, the theme's assets); empty means the repository's <c>web/</c> folder.</summary>
    public string? WebRoot { get; set; }

    public TimeSpan BlobPollInterval => TimeSpan.FromSeconds(BlobPollSeconds);
}
