using HealthFunctions.Publishing.Rendering;

namespace HealthFunctions.Publishing.Tests;

/// <summary>Pins the Markdig extensions that posts are parsed with.</summary>
public sealed class PipelineExtensionsTests
{
    [Fact]
    public void The_pipeline_uses_exactly_the_reviewed_markdig_extensions()
    {
        // SafeHtmlRenderer stores Markdig's output unsanitised when a post holds no raw HTML. That is sound
        // only while no extension lets an author write markup or attributes of their own: generic attributes
        // ({onclick=...}), custom containers, media links, diagrams and the like would reach readers without
        // passing the sanitiser. Before adding an extension here, check what it lets an author emit, and
        // add hostile cases for it to HtmlSafetyTests.
        string[] reviewed =
        [
            "AutoIdentifierExtension",
            "AutoLinkExtension",
            "EmphasisExtraExtension",
            "FootnoteExtension",
            "PipeTableExtension",
            "TaskListExtension",
            "YamlFrontMatterExtension",
        ];

        var used = MarkdownPipelineFactory.Create().Extensions.Select(extension => extension.GetType().Name).Order(StringComparer.Ordinal);

        Assert.True(
            used.SequenceEqual(reviewed),
            $"The Markdig pipeline's extensions changed to [{string.Join(", ", used)}]. Posts without raw HTML are not sanitised, so review what a new extension lets authors write (see the comment in this test) and then update the list.");
    }
}
