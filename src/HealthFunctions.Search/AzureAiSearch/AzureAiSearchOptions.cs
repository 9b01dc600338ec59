using System.Text.RegularExpressions;

namespace HealthFunctions.Search.AzureAiSearch;

/// <summary>
/// The Azure AI Search service that answers searches when <c>Search:Provider</c> is <c>AzureAiSearch</c>.
/// Without <see cref="ApiKey"/> the app signs in with its managed identity (the storage connection's
/// identity), which needs the "Search Index Data Contributor" role on the service.
/// </summary>
public sealed partial class AzureAiSearchOptions
{
    /// <summary>The service address, such as <c>https://healthblog.search.windows.net</c>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The index created from the schema in docs/deploy.md.</summary>
    public string IndexName { get; set; } = "posts";

    /// <summary>An admin key; leave empty in Azure so the managed identity is used.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The endpoint as a URI; only call it once the options are valid.</summary>
    public Uri EndpointUri => new(Endpoint!, UriKind.Absolute);

    /// <summary>What is wrong with these settings, in words naming the setting; empty when they are usable.</summary>
    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(Endpoint))
        {
            yield return "Search:AzureAiSearch:Endpoint is required when Search:Provider is AzureAiSearch (for example https://NAME.search.windows.net).";
        }
        else if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            yield return $"Search:AzureAiSearch:Endpoint must be an absolute https URI; it is '{Endpoint}'.";
        }

        if (string.IsNullOrWhiteSpace(IndexName) || !IndexNamePattern().IsMatch(IndexName))
        {
            yield return $"Search:AzureAiSearch:IndexName must be 2-128 lower-case letters, digits or dashes, starting with a letter or digit; it is '{IndexName}'.";
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,127}$")]
    private static partial Regex IndexNamePattern();
}
