using System.Diagnostics.Metrics;
using System.Text;
using HealthFunctions.Publishing.Format;
using HealthFunctions.Publishing.Posts;
using HealthFunctions.Publishing.Sync;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Publishing.Tests.Support;

/// <summary>Builds the renderer the way the app does and renders small posts written inline in tests.</summary>
internal static class TestPosts
{
    public static readonly PostRenderer Renderer = Create();

    public static PostRenderer Create(Action<PublishingOptions>? configure = null)
    {
        var options = new PublishingOptions();
        configure?.Invoke(options);
        return new ServiceCollection()
            .AddSingleton(Options.Create(options))
            .AddPostRendering()
            .BuildServiceProvider()
            .GetRequiredService<PostRenderer>();
    }

    /// <summary>The pipeline's telemetry with nothing listening, as in a process without an exporter.</summary>
    public static PublishingTelemetry Telemetry(TimeProvider? clock = null) =>
        new(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>(), clock ?? TimeProvider.System);

    public static RenderedPost Render(string markdown, string sourceName = "test-post.md") =>
        Renderer.Render(sourceName, Encoding.UTF8.GetBytes(markdown));

    /// <summary>Renders <paramref name="body"/> under front matter with just a title and a date, so a test can focus on the body.</summary>
    public static RenderedPost RenderBody(string body) => Render(PostFile.Markdown(body: body));

    public static PostFormatException Reject(string markdown, string sourceName = "test-post.md") =>
        Assert.Throws<PostFormatException>(() => Render(markdown, sourceName));

    public static PostFormatException Reject(byte[] content, string sourceName = "test-post.md") =>
        Assert.Throws<PostFormatException>(() => Renderer.Render(sourceName, content));
}
