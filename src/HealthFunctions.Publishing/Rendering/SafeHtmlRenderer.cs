using Markdig;
using Markdig.Syntax;

namespace HealthFunctions.Publishing.Rendering;

/// <summary>
/// Renders a parsed Markdown document to HTML that is safe to put in a page. There is one path, and it
/// is short enough to check at a glance:
/// <list type="number">
/// <item>link, image and autolink addresses are checked in the syntax tree (<see cref="MarkdownLinkGuard"/>),
/// so editors get a warning for each refused one;</item>
/// <item>Markdig renders the whole document;</item>
/// <item>if the syntax tree holds any raw HTML, the whole output goes through <see cref="HtmlSafetyPolicy"/>
/// once; otherwise it is stored as Markdig wrote it.</item>
/// </list>
/// </summary>
/// <remarks>
/// Skipping the sanitiser is only sound because Markdig escapes every piece of text it writes and the
/// pipeline has no extension that lets authors write attributes or markup of their own
/// (<see cref="MarkdownPipelineFactory"/> pins the list). Raw HTML is the one thing Markdig copies through
/// untouched, and a document with any of it is sanitised as a whole, so no piece is ever judged out of
/// its context. Nothing is remembered between calls: the output depends on the document alone.
/// </remarks>
public sealed class SafeHtmlRenderer(MarkdownPipeline pipeline, HtmlSafetyPolicy safety)
{
    /// <summary>
    /// Renders <paramref name="document"/>; refused link and image addresses are added to
    /// <paramref name="warnings"/>. The document is changed (refused links are unwrapped), so render it once.
    /// </summary>
    public string Render(MarkdownDocument document, ICollection<string>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        MarkdownLinkGuard.Apply(document, warnings);
        var html = Markdown.ToHtml(document, pipeline);
        return RawHtml.In(document) ? safety.Sanitize(html) : html;
    }
}
