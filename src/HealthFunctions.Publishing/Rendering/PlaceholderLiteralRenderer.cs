using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace HealthFunctions.Publishing.Rendering;

/// <summary>
/// Writes Markdown text inside a raw-HTML run as a placeholder and keeps its escaped HTML aside, so
/// the sanitiser parses the run's tags but not its prose. Text written into an attribute (an image's
/// alt text) is written as usual: a placeholder there could not be put back.
/// </summary>
internal sealed class PlaceholderLiteralRenderer : HtmlObjectRenderer<LiteralInline>
{
    private readonly HtmlRenderer _escaper;
    private readonly StringWriter _escaped;

    public PlaceholderLiteralRenderer()
    {
        _escaped = new StringWriter();
        _escaper = new HtmlRenderer(_escaped);
    }

    /// <summary>The escaped HTML of each placeholder written since the last <see cref="Clear"/>, by number.</summary>
    public List<string> Pieces { get; } = [];

    /// <summary>Where in the run's text each placeholder starts, by number.</summary>
    public List<int> Positions { get; } = [];

    public void Clear()
    {
        Pieces.Clear();
        Positions.Clear();
    }

    /// <summary>Writes <paramref name="html"/> to <paramref name="renderer"/> as the next placeholder.</summary>
    public void WritePlaceholder(HtmlRenderer renderer, string html)
    {
        Pieces.Add(html);
        Positions.Add(((StringWriter)renderer.Writer).GetStringBuilder().Length);
        renderer.Write(Placeholders.For(Pieces.Count - 1));
    }

    protected override void Write(HtmlRenderer renderer, LiteralInline obj)
    {
        if (!renderer.EnableHtmlForInline || !renderer.EnableHtmlEscape)
        {
            if (renderer.EnableHtmlEscape)
            {
                renderer.WriteEscape(ref obj.Content);
            }
            else
            {
                renderer.Write(ref obj.Content);
            }

            return;
        }

        _escaper.WriteEscape(ref obj.Content);
        var html = _escaped.GetStringBuilder();
        var piece = html.ToString();
        html.Clear();
        WritePlaceholder(renderer, piece);
    }
}
