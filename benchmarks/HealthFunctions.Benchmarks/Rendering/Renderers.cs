using HealthFunctions.Publishing;
using HealthFunctions.Publishing.Posts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Benchmarks.Rendering;

/// <summary>The renderer and its steps as the app's container builds them, with default options.</summary>
internal static class Renderers
{
    public static IServiceProvider Services() =>
        new ServiceCollection()
            .AddSingleton(Options.Create(new PublishingOptions()))
            .AddPostRendering()
            .BuildServiceProvider();

    public static PostRenderer Post() => Services().GetRequiredService<PostRenderer>();
}
