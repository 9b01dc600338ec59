using HealthFunctions.Publishing.Content;
using HealthFunctions.Publishing.Index;
using HealthFunctions.Publishing.Media;
using HealthFunctions.Publishing.Sources;
using HealthFunctions.Publishing.Sync;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace HealthFunctions.Publishing.Tests.Support;

/// <summary>
/// Builds the publish use case through <see cref="PublishingServiceCollectionExtensions.AddPublishing"/>,
/// as the app does, over stores the test supplies (our own interfaces: fakes or mocks).
/// </summary>
internal static class TestSync
{
    public static ServiceProvider Services(
        ISourceStore sources,
        IHtmlStore html,
        IPostIndex index,
        IMediaStore media,
        ISiteContentStore content,
        TimeProvider? clock = null,
        IDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection()
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSingleton(sources)
            .AddSingleton(html)
            .AddPostIndex(_ => index)
            .AddSingleton(media)
            .AddSingleton(content);
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddPublishing(configuration);
        return services.BuildServiceProvider();
    }

    public static ContentSync ContentSync(ISourceStore sources, IHtmlStore html, IPostIndex index, IMediaStore media, ISiteContentStore content, TimeProvider? clock = null) =>
        Services(sources, html, index, media, content, clock).GetRequiredService<ContentSync>();
}
