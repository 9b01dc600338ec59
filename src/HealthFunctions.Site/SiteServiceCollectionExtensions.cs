using HealthFunctions.Publishing.Content;
using HealthFunctions.Publishing.Index;
using HealthFunctions.Publishing.Queries;
using HealthFunctions.Publishing.Related;
using HealthFunctions.Publishing.Sources;
using HealthFunctions.Publishing.Sync;
using HealthFunctions.Site.Pages;
using HealthFunctions.Site.Rendering;
using HealthFunctions.Site.Writing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Site;

public static class SiteServiceCollectionExtensions
{
    /// <summary>
    /// Registers the static site: options, the theme and renderer, the page builders, the page
    /// writer, the rebuild, the queue handler, and the site as what the publish use case tells its
    /// changes to. The page store and queue adapters come from the storage project.
    /// </summary>
    public static IServiceCollection AddStaticSite(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSiteFeeds();
        services.TryAddSingleton<IThemeSource, SourceThemeSource>();
        services.AddSingleton<ThemeTemplates>();
        services.AddSingleton(sp => new ThemeAssets(sp.GetRequiredService<IThemeSource>(), sp.GetRequiredService<IPageStore>()));
        services.AddSingleton<PageRenderer>();
        // Pages are written in the background (trigger and queue runs), so they read the index through the
        // publishing clients, which retry, not through the fast-failing ones behind HTTP reads.
        services.AddSingleton(sp => new SiteReader(
            new PostQueries(sp.GetRequiredService<IPostIndexReader>(), sp.GetRequiredService<IHtmlStore>(), sp.GetRequiredService<TimeProvider>()),
            sp.GetRequiredService<IPostIndexReader>(),
            sp.GetRequiredService<ISiteContentStore>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<SiteOptions>>()));
        services.TryAddSingleton<FeedBuilder>();
        services.AddSingleton<PostPageBuilder>();
        services.AddSingleton<ListPageBuilder>();
        services.AddSingleton<SearchPageBuilder>();
        services.AddSingleton<SitePages>();
        services.AddSingleton<PageWriter>();
        services.AddSingleton<SiteRebuilder>();
        services.AddSingleton<SitePublisher>();
        services.Replace(ServiceDescriptor.Singleton<ISiteChangeNotifier>(sp => sp.GetRequiredService<SitePublisher>()));
        services.AddSingleton<SiteSweep>();
        services.AddSingleton<PageWork>();
        services.AddSingleton<IRelatedListsChanged, RelatedPages>();
        return services;
    }

    /// <summary>
    /// The site's settings and its feed and sitemap writer as HTTP reads use them: keyed
    /// <see cref="StorageRoles.Reads"/>, over the stores that fail fast, so <c>GET /api/feed</c> and
    /// <c>GET /api/sitemap.xml</c> answer with the very documents the site serves.
    /// </summary>
    public static IServiceCollection AddSiteFeeds(this IServiceCollection services)
    {
        services.AddOptions<SiteOptions>()
            .BindConfiguration(SiteOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton(StorageRoles.Reads, (sp, _) => new SiteReader(
            sp.GetRequiredService<PostQueries>(),
            sp.GetRequiredKeyedService<IPostIndexReader>(StorageRoles.Reads),
            sp.GetRequiredKeyedService<ISiteContentStore>(StorageRoles.Reads),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<SiteOptions>>()));
        services.TryAddKeyedSingleton(StorageRoles.Reads, (sp, _) => new FeedBuilder(sp.GetRequiredKeyedService<SiteReader>(StorageRoles.Reads)));
        return services;
    }
}
