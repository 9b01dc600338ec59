using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Search.Tests;

/// <summary>Search:Provider and its Azure AI Search settings, checked by the start-up validation AddSearch registers.</summary>
public sealed class SearchProviderOptionsTests
{
    private static void Boot(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSearch();
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public void Lucene_is_the_default_and_needs_no_endpoint()
    {
        Boot([]);
        Boot(new() { ["Search:Provider"] = "Lucene" });
    }

    [Fact]
    public void Azure_ai_search_without_an_endpoint_fails_at_boot_naming_the_setting()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Boot(new() { ["Search:Provider"] = "AzureAiSearch" }));

        Assert.Contains("Search:AzureAiSearch:Endpoint", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://plain.search.windows.net", "posts", "https")]
    [InlineData("not a uri", "posts", "https")]
    [InlineData("https://blog.search.windows.net", "Bad_Name", "IndexName")]
    public void Azure_ai_search_with_a_bad_endpoint_or_index_name_fails_at_boot(string endpoint, string index, string named)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Boot(new()
        {
            ["Search:Provider"] = "AzureAiSearch",
            ["Search:AzureAiSearch:Endpoint"] = endpoint,
            ["Search:AzureAiSearch:IndexName"] = index,
        }));

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Azure_ai_search_with_an_https_endpoint_boots_and_selects_the_shared_index()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Search:Provider"] = "AzureAiSearch",
            ["Search:AzureAiSearch:Endpoint"] = "https://blog.search.windows.net",
        };
        Boot(settings);

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSearch();
        services.AddSingleton<AzureAiSearch.IAzureSearchService>(new NoService());
        using var provider = services.BuildServiceProvider();

        Assert.IsType<AzureAiSearch.AzureAiSearchIndex>(provider.GetRequiredService<ISearchSource>());
        Assert.IsType<AzureAiSearch.AzureAiSearchIndex>(provider.GetRequiredService<Sync.ISearchMirror>());
    }

    [Fact]
    public void An_unknown_provider_fails_at_boot()
    {
        Assert.ThrowsAny<Exception>(() => Boot(new() { ["Search:Provider"] = "Elastic" }));
    }

    private sealed class NoService : AzureAiSearch.IAzureSearchService
    {
        public Task UploadAsync(AzureAiSearch.AzureIndexDocument document, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task DeleteAsync(string key, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlyList<AzureAiSearch.AzureSearchResult>> SearchAsync(AzureAiSearch.AzureSearchRequest request, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<AzureAiSearch.AzureSearchResult>>([]);
    }
}
