using HealthFunctions.Site;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HealthFunctions.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>Registers the HTTP API handlers and their options.</summary>
    public static IServiceCollection AddPublicApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.SectionName)).ValidateOnStart();
        services.AddSiteFeeds();
        services.AddSingleton<ApiFailures>();
        services.AddSingleton<ApiRoutes>();
        services.AddSingleton<PostsApi>();
        services.AddSingleton<SourcesApi>();
        services.AddSingleton<BlobEventsApi>();
        services.AddSingleton<SiteApi>();
        services.AddSingleton<SiteInfoReader>();
        services.AddSingleton<AuthorsApi>();
        services.AddSingleton<SearchApi>();
        services.AddSingleton<ReviewApi>();
        return services;
    }
}
