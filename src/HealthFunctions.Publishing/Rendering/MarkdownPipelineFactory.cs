using Markdig;
using Markdig.Extensions.AutoIdentifiers;

namespace HealthFunctions.Publishing.Rendering;

/// <summary>The one Markdig pipeline every post is parsed and rendered with. It is immutable and thread-safe.</summary>
public static class MarkdownPipelineFactory
{
    public static MarkdownPipeline Create() =>
        new MarkdownPipelineBuilder()
            .UseYamlFrontMatter()
            .UsePipeTables()
            .UseTaskLists()
            .UseEmphasisExtras()
            .UseAutoLinks()
            .UseFootnotes()
            .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
            .Build();
}
