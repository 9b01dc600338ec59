using HealthFunctions.Publishing.Index;
using HealthFunctions.Publishing.Posts;
using HealthFunctions.Publishing.Queries;
using HealthFunctions.Publishing.Related;
using HealthFunctions.Publishing.Rendering;
using HealthFunctions.Publishing.Review;
using HealthFunctions.Publishing.Sources;
using HealthFunctions.Publishing.Sync;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HealthFunctions.Publishing;

public static class PublishingServiceCollectionExtensions
{
    /// <summary>Registers the publishing pipeline: options, the one Markdig pipeline, the sanitiser, the profile cache, the publish use case and the queries.</summary>
    public static IServiceCollection AddPublishing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PublishingOptions>()
            .Bind(configuration.GetSection(PublishingOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<ProfileCacheOptions>()
            .Bind(configuration.GetSection(ProfileCacheOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<ReviewOptions>()
            .Bind(configuration.GetSection(ReviewOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddHybridCache(cache =>
        {
            cache.MaximumPayloadBytes = ProfileCacheOptions.MaximumPayloadBytes;
            cache.MaximumKeyLength = ProfileCacheOptions.MaximumKeyLength;
        });
        services.TryAddSingleton<PublishingTelemetry>();
        services.AddPostRendering();
        services.TryAddSingleton<ISiteChangeNotifier>(NoSiteChanges.Instance);
        services.TryAddSingleton<IStorageFaults>(NetworkFaults.Instance);
        services.AddContentSync();
        services.AddSingleton<Reindexer>();
        services.AddSingleton<PostQueries>();
        services.AddSingleton<ReviewPolicy>();
        // Pages are written in the background through the retrying clients; HTTP reads use the fast-failing ones.
        services.AddSingleton(sp => new RelatedPostsReader(sp.GetRequiredService<IRelatedPostStore>(), sp.GetRequiredService<IPostIndexReader>(), sp.GetRequiredService<TimeProvider>()));
        services.AddKeyedSingleton(StorageRoles.Reads, (sp, _) => new RelatedPostsReader(
            sp.GetRequiredKeyedService<IRelatedPostStore>(StorageRoles.Reads),
            sp.GetRequiredKeyedService<IPostIndexReader>(StorageRoles.Reads),
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>
    /// Registers one post index under <see cref="IPostIndex"/> and under each of its roles
    /// (<see cref="ISourceRecordIndex"/>, <see cref="IPostIndexReader"/>, <see cref="IPostIndexWriter"/>),
    /// so whichever role a caller asks for, it gets the same instance.
    /// </summary>
    public static IServiceCollection AddPostIndex(this IServiceCollection services, Func<IServiceProvider, IPostIndex> create)
    {
        services.AddSingleton(create);
        services.AddSingleton<ISourceRecordIndex>(sp => sp.GetRequiredService<IPostIndex>());
        services.AddSingleton<IPostIndexReader>(sp => sp.GetRequiredService<IPostIndex>());
        services.AddSingleton<IPostIndexWriter>(sp => sp.GetRequiredService<IPostIndex>());
        return services;
    }

    /// <summary>As <see cref="AddPostIndex"/>, for a second index keyed <paramref name="key"/> (the fast-failing reads, say).</summary>
    public static IServiceCollection AddKeyedPostIndex(this IServiceCollection services, object key, Func<IServiceProvider, IPostIndex> create)
    {
        services.AddKeyedSingleton(key, (sp, _) => create(sp));
        services.AddKeyedSingleton<ISourceRecordIndex>(key, (sp, k) => sp.GetRequiredKeyedService<IPostIndex>(k));
        services.AddKeyedSingleton<IPostIndexReader>(key, (sp, k) => sp.GetRequiredKeyedService<IPostIndex>(k));
        services.AddKeyedSingleton<IPostIndexWriter>(key, (sp, k) => sp.GetRequiredKeyedService<IPostIndex>(k));
        return services;
    }

    /// <summary>
    /// Registers the publish use case, <see cref="ContentSync"/>, and the parts it runs: one attempt at
    /// a post or at another file, the status rows of failures, removals, aliases, the people a post
    /// names and the files that depend on a changed one. Needs the stores and <see cref="AddPostRendering"/>.
    /// </summary>
    public static IServiceCollection AddContentSync(this IServiceCollection services)
    {
        services.TryAddSingleton<ProfileLookups>();
        services.TryAddSingleton<PostPeople>();
        services.TryAddSingleton<SlugAliases>();
        services.TryAddSingleton<PostRemoval>();
        services.TryAddSingleton<SyncFailures>();
        services.TryAddSingleton<IgnoredFileSync>();
        services.TryAddSingleton<AssetPublisher>();
        services.TryAddSingleton<AssetSync>();
        services.TryAddSingleton<PostSync>();
        services.TryAddSingleton<DependentFiles>();
        services.TryAddSingleton<ContentSync>();
        return services;
    }

    /// <summary>
    /// Registers the render steps and <see cref="PostRenderer"/>, which runs them. Needs
    /// <c>IOptions&lt;PublishingOptions&gt;</c>; <see cref="AddPublishing"/> binds it from configuration.
    /// </summary>
    public static IServiceCollection AddPostRendering(this IServiceCollection services)
    {
        services.TryAddSingleton(_ => MarkdownPipelineFactory.Create());
        services.TryAddSingleton<HtmlSafetyPolicy>();
        services.TryAddSingleton<SafeHtmlRenderer>();
        services.TryAddSingleton<PostParser>();
        services.TryAddSingleton<PostDefaults>();
        services.TryAddSingleton<PostImages>();
        services.TryAddSingleton<PostExcerpts>();
        services.TryAddSingleton<PostCounts>();
        services.TryAddSingleton<PostRenderer>();
        return services;
    }
}
