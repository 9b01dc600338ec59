using HealthFunctions.Publishing.Posts;
using HealthFunctions.Publishing.Queries;
using HealthFunctions.Publishing.Rendering;
using HealthFunctions.Publishing.Sync;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HealthFunctions.Publishing;

public static class PublishingServiceCollectionExtensions
{
    /// <summary>Registers the publishing pipeline: options, the one Markdig pipeline, the sanitiser, the publish use case and the queries.</summary>
    public static IServiceCollection AddPublishing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PublishingOptions>()
            .Bind(configuration.GetSection(PublishingOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => MarkdownPipelineFactory.Create());
        services.AddSingleton<HtmlSafetyPolicy>();
        services.AddSingleton<PostRenderer>();
        services.TryAddSingleton<ISiteChangeNotifier>(NoSiteChanges.Instance);
        services.AddSingleton<ContentSync>();
        services.AddSingleton<Reindexer>();
        services.AddSingleton<PostQueries>();
        return services;
    }
}
