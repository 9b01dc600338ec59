using HealthFunctions.Publishing.Index;
using HealthFunctions.Publishing.Related;
using HealthFunctions.Publishing.Sync;
using HealthFunctions.Search.AzureAiSearch;
using HealthFunctions.Search.Related;
using HealthFunctions.Search.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>
    /// Registers search: options, this instance's index and the notifier that keeps search
    /// documents in step with publishing. Call it after the site is added: the notifier wraps the
    /// one registered so far. The document store adapter comes from the storage project, and so does
    /// the Azure AI Search client when <c>Search:Provider</c> is <c>AzureAiSearch</c>: searches then go
    /// to that index and every stored change is mirrored to it, while related posts stay with the
    /// embedded index.
    /// </summary>
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddOptions<SearchOptions>()
            .BindConfiguration(SearchOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<RelatedOptions>()
            .BindConfiguration(RelatedOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LocalSearch>();
        services.AddSingleton(sp => new AzureAiSearchIndex(sp.GetRequiredService<IAzureSearchService>()));
        services.AddSingleton<ISearchSource>(sp => UsesAzureAiSearch(sp) ? sp.GetRequiredService<AzureAiSearchIndex>() : sp.GetRequiredService<LocalSearch>());
        services.AddSingleton<ISearchMirror>(sp => UsesAzureAiSearch(sp) ? sp.GetRequiredService<AzureAiSearchIndex>() : NoSearchMirror.Instance);
        services.TryAddSingleton<IRelatedListsChanged>(NoRelatedPages.Instance);
        services.AddSingleton<RelatedPostsUpdater>();
        services.AddSingleton<RelatedWork>();
        services.AddSingleton<SearchChangePruner>();

        var inner = Resolver(services.LastOrDefault(d => d.ServiceType == typeof(ISiteChangeNotifier) && !d.IsKeyedService));
        services.Replace(ServiceDescriptor.Singleton<ISiteChangeNotifier>(sp => new SearchChangeNotifier(
            inner(sp),
            sp.GetRequiredService<IPostIndexReader>(),
            sp.GetRequiredService<ISearchDocumentStore>(),
            sp.GetRequiredService<LocalSearch>(),
            sp.GetRequiredService<ISearchMirror>(),
            sp.GetRequiredService<RelatedPostsUpdater>(),
            sp.GetRequiredService<SearchChangePruner>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SearchChangeNotifier>>())));
        return services;
    }

    private static bool UsesAzureAiSearch(IServiceProvider services) =>
        services.GetRequiredService<IOptions<SearchOptions>>().Value.Provider == SearchProvider.AzureAiSearch;

    private static Func<IServiceProvider, ISiteChangeNotifier> Resolver(ServiceDescriptor? descriptor) => descriptor switch
    {
        { ImplementationInstance: ISiteChangeNotifier instance } => _ => instance,
        { ImplementationFactory: { } factory } => sp => (ISiteChangeNotifier)factory(sp),
        { ImplementationType: { } type } => sp => (ISiteChangeNotifier)ActivatorUtilities.CreateInstance(sp, type),
        _ => _ => NoSiteChanges.Instance,
    };
}
