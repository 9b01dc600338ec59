using System.Text;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Renderers;
using Markdig.Syntax;

namespace HealthFunctions.Publishing.Rendering;

/// <summary>
/// Renders a parsed Markdown document to HTML that is safe to put in a page, while sending as little
/// of it as possible through the HTML sanitiser.
/// </summary>
/// <remarks>
/// Markdig escapes every piece of text it writes, so what it generates from Markdown syntax is safe by
/// construction except for two things: link and image URLs, which <see cref="MarkdownLinkGuard"/> checks
/// in the syntax tree against <see cref="HtmlSafetyPolicy"/>'s schemes, and raw HTML, which Markdig
/// copies through untouched. Top-level blocks with no raw HTML in them are therefore written as Markdig
/// renders them. A block that holds raw HTML, together with the blocks that follow it until the elements
/// its raw tags opened are closed again (a <c>&lt;details&gt;</c> wrapping Markdown paragraphs), is
/// rendered into a run of its own and that run goes through <see cref="HtmlSafetyPolicy.Sanitize"/>.
/// Each sanitised run comes back as balanced markup made only of allowed elements and attributes, and
/// runs are cut only between top-level blocks, so putting the pieces side by side cannot form anything
/// the policy would refuse. If the open-element estimate is wrong the run simply grows, at worst to the
/// end of the document, which is the same as sanitising the whole document.
/// </remarks>
public sealed class SafeHtmlRenderer
{
    private readonly MarkdownPipeline _pipeline;
    private readonly HtmlSafetyPolicy _safety;

    public SafeHtmlRenderer(MarkdownPipeline pipeline, HtmlSafetyPolicy safety)
    {
        _pipeline = pipeline;
        _safety = safety;
    }

    /// <summary>
    /// Renders <paramref name="document"/>; refused link and image URLs are added to
    /// <paramref name="warnings"/>. The document is changed (refused links are unwrapped), so render it once.
    /// </summary>
    public string Render(MarkdownDocument document, ICollection<string>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        MarkdownLinkGuard.Apply(document, warnings);

        using var output = new StringWriter();
        var trusted = CreateRenderer(output);
        using var run = new StringWriter();
        var runRenderer = CreateRenderer(run);
        var runs = new List<string>();
        var runPositions = new List<int>();
        var open = 0;

        foreach (var block in document)
        {
            if (block is YamlFrontMatterBlock || MoreDivider.Is(block))
            {
                continue;
            }

            var inRun = run.GetStringBuilder().Length > 0;
            if (!inRun && !RawHtml.In(block))
            {
                trusted.Render(block);
                continue;
            }

            runRenderer.Render(block);
            open = RawHtml.OpenElementsAfter(block, open);
            if (open == 0)
            {
                EndRun(run, output, runs, runPositions);
            }
        }

        EndRun(run, output, runs, runPositions);
        return runs.Count == 0 ? output.ToString() : Assemble(output.GetStringBuilder(), _safety.SanitizeEach(runs), runPositions);
    }

    private static void EndRun(StringWriter run, StringWriter output, List<string> runs, List<int> runPositions)
    {
        var builder = run.GetStringBuilder();
        if (builder.Length == 0)
        {
            return;
        }

        runs.Add(builder.ToString());
        runPositions.Add(output.GetStringBuilder().Length);
        builder.Clear();
    }

    /// <summary>The trusted HTML with each sanitised run put back where its blocks were.</summary>
    private static string Assemble(StringBuilder trusted, IReadOnlyList<string> sanitized, List<int> positions)
    {
        var result = new StringBuilder(trusted.Length + sanitized.Sum(s => s.Length) + sanitized.Count);
        var copied = 0;
        for (var i = 0; i < sanitized.Count; i++)
        {
            result.Append(trusted, copied, positions[i] - copied);
            copied = positions[i];
            var html = sanitized[i].AsSpan().Trim();
            if (!html.IsEmpty)
            {
                result.Append(html).Append('\n');
            }
        }

        return result.Append(trusted, copied, trusted.Length - copied).ToString();
    }

    private HtmlRenderer CreateRenderer(TextWriter writer)
    {
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        return renderer;
    }
}
