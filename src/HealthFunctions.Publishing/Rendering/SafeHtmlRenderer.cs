using System.Collections.Concurrent;
using System.Text;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Renderers;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;

namespace HealthFunctions.Publishing.Rendering;

/// <summary>
/// Renders a parsed Markdown document to HTML that is safe to put in a page, while sending as little
/// of it as possible through the HTML sanitiser.
/// </summary>
/// <remarks>
/// <para>
/// Markdig escapes every piece of text it writes, so what it generates from Markdown syntax is safe by
/// construction except for two things: link and image URLs, which <see cref="MarkdownLinkGuard"/> checks
/// in the syntax tree against <see cref="HtmlSafetyPolicy"/>'s schemes, and raw HTML, which Markdig
/// copies through untouched. Top-level blocks with no raw HTML in them are therefore written as Markdig
/// renders them. A block that holds raw HTML, together with the blocks that follow it until the elements
/// its raw tags opened are closed again (a <c>&lt;details&gt;</c> wrapping Markdown paragraphs), forms a
/// run, and runs go through <see cref="HtmlSafetyPolicy"/>. Each sanitised run comes back as balanced
/// markup made only of allowed elements and attributes, and runs are cut only between top-level blocks,
/// so putting the pieces side by side cannot form anything the policy would refuse. If the open-element
/// estimate is wrong the run simply grows, at worst to the end of the document.
/// </para>
/// <para>
/// Inside a run, Markdown text and whole blocks without raw HTML are trusted HTML too, so the run is
/// sanitised as a template in which each of them is a placeholder (<see cref="Placeholders"/>); the
/// pieces are put back afterwards. The sanitiser then reads the tags, not the prose, and templates that
/// repeat (a paragraph with one <c>&lt;sup&gt;</c>) are sanitised once. A placeholder is only put back
/// where the sanitiser left it in text: if any ends up in an attribute, or the author's own markup
/// contains marker characters, the run is sanitised in full instead.
/// </para>
/// </remarks>
public sealed class SafeHtmlRenderer
{
    private const int MaxRememberedTemplates = 4096;

    private readonly MarkdownPipeline _pipeline;
    private readonly HtmlSafetyPolicy _safety;

    /// <summary>Sanitised templates by template; null where a placeholder ended up in an attribute.</summary>
    private readonly ConcurrentDictionary<string, string?> _templates = new(StringComparer.Ordinal);

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

        var writers = RentWriters();
        try
        {
            var html = Render(document, writers);
            writers.Clear();
            return html;
        }
        catch
        {
            // A renderer stopped half way may hold indentation or buffered text: do not reuse it.
            _threadWriters = null;
            throw;
        }
    }

    private string Render(MarkdownDocument document, Writers writers)
    {
        var runs = new List<Run>();
        var open = 0;

        foreach (var block in document)
        {
            if (block is YamlFrontMatterBlock || MoreDivider.Is(block))
            {
                continue;
            }

            var raw = RawHtml.In(block);
            if (!writers.InRun && !raw)
            {
                writers.Trusted.Render(block);
                continue;
            }

            if (raw)
            {
                writers.StartOrContinueRun();
                writers.Run.Render(block);
                open = RawHtml.OpenElementsAfter(block, open);
            }
            else
            {
                // A block with no raw HTML inside a run (a paragraph inside <details>) is one placeholder.
                writers.Piece.Render(block);
                writers.AddPiece(writers.TakePiece());
            }

            if (open == 0)
            {
                runs.Add(writers.EndRun());
            }
        }

        if (writers.InRun)
        {
            runs.Add(writers.EndRun());
        }

        return runs.Count == 0 ? writers.TrustedText.ToString() : Assemble(writers.TrustedText, Sanitize(runs), runs);
    }

    /// <summary>Sanitises each run: by template where it can, from remembered templates where it has seen them.</summary>
    private string[] Sanitize(List<Run> runs)
    {
        var results = new string[runs.Count];
        var unseen = new List<int>();
        for (var i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            if (!Placeholders.AreOnlyOurs(run.Template, run.Pieces.Length))
            {
                results[i] = _safety.Sanitize(run.FullHtml());
            }
            else if (_templates.TryGetValue(run.Template, out var sanitized))
            {
                results[i] = sanitized is null ? _safety.Sanitize(run.FullHtml()) : Placeholders.Substitute(sanitized, run.Pieces);
            }
            else
            {
                unseen.Add(i);
            }
        }

        if (unseen.Count == 0)
        {
            return results;
        }

        if (_templates.Count > MaxRememberedTemplates)
        {
            _templates.Clear();
        }

        var fresh = _safety.SanitizeEach(unseen.Select(i => runs[i].Template).ToList());
        for (var n = 0; n < unseen.Count; n++)
        {
            var run = runs[unseen[n]];
            _templates[run.Template] = fresh[n];
            results[unseen[n]] = fresh[n] is { } sanitized ? Placeholders.Substitute(sanitized, run.Pieces) : _safety.Sanitize(run.FullHtml());
        }

        return results;
    }

    /// <summary>The trusted HTML with each sanitised run put back where its blocks were.</summary>
    private static string Assemble(StringBuilder trusted, string[] sanitized, List<Run> runs)
    {
        var result = new StringBuilder(trusted.Length + sanitized.Sum(s => s.Length) + sanitized.Length);
        var copied = 0;
        for (var i = 0; i < sanitized.Length; i++)
        {
            var position = runs[i].Position;
            result.Append(trusted, copied, position - copied);
            copied = position;
            var html = sanitized[i].AsSpan().Trim();
            if (!html.IsEmpty)
            {
                result.Append(html).Append('\n');
            }
        }

        return result.Append(trusted, copied, trusted.Length - copied).ToString();
    }

    /// <summary>
    /// The renderers of one thread, kept between posts: a renderer learns which of its object renderers
    /// handles each syntax type as it goes, and a new one pays for that again.
    /// </summary>
    [ThreadStatic]
    private static Writers? _threadWriters;

    private Writers RentWriters()
    {
        if (_threadWriters is { } kept && ReferenceEquals(kept.Pipeline, _pipeline))
        {
            return kept;
        }

        return _threadWriters = new Writers(_pipeline);
    }

    /// <summary>
    /// A run's template, the trusted pieces its placeholders stand for and where each placeholder starts in
    /// the template, and where the run goes in the output.
    /// </summary>
    private sealed record Run(string Template, string[] Pieces, int[] PiecePositions, int Position)
    {
        /// <summary>The run as plain HTML: each placeholder replaced by its piece, going by position only.</summary>
        public string FullHtml()
        {
            var html = new StringBuilder(Template.Length + Pieces.Sum(piece => piece.Length));
            var copied = 0;
            for (var i = 0; i < Pieces.Length; i++)
            {
                html.Append(Template, copied, PiecePositions[i] - copied).Append(Pieces[i]);
                copied = PiecePositions[i] + Placeholders.For(i).Length;
            }

            return html.Append(Template, copied, Template.Length - copied).ToString();
        }
    }

    private sealed class Writers
    {
        private readonly PlaceholderLiteralRenderer _literals = new();

        public Writers(MarkdownPipeline pipeline)
        {
            Pipeline = pipeline;
            Trusted = Create(pipeline);
            Piece = Create(pipeline);
            Run = Create(pipeline);
            Run.ObjectRenderers.Replace<LiteralInlineRenderer>(_literals);
        }

        public MarkdownPipeline Pipeline { get; }

        /// <summary>Blocks written as Markdig renders them.</summary>
        public HtmlRenderer Trusted { get; }

        /// <summary>A block without raw HTML inside a run, rendered to become one placeholder.</summary>
        public HtmlRenderer Piece { get; }

        /// <summary>Blocks with raw HTML, their Markdown text written as placeholders.</summary>
        public HtmlRenderer Run { get; }

        public StringBuilder TrustedText => ((StringWriter)Trusted.Writer).GetStringBuilder();

        private StringBuilder RunText => ((StringWriter)Run.Writer).GetStringBuilder();

        public bool InRun { get; private set; }

        public string TakePiece()
        {
            var text = ((StringWriter)Piece.Writer).GetStringBuilder();
            var piece = text.ToString();
            text.Clear();
            return piece;
        }

        /// <summary>Adds trusted HTML to the current run as a placeholder.</summary>
        public void AddPiece(string html)
        {
            _literals.WritePlaceholder(Run, html);
            Run.WriteLine();
        }

        public void StartOrContinueRun() => InRun = true;

        public Run EndRun()
        {
            InRun = false;
            var run = new Run(RunText.ToString(), [.. _literals.Pieces], [.. _literals.Positions], TrustedText.Length);
            RunText.Clear();
            _literals.Clear();
            return run;
        }

        public void Clear()
        {
            TrustedText.Clear();
            RunText.Clear();
            _literals.Clear();
            InRun = false;
        }

        private static HtmlRenderer Create(MarkdownPipeline pipeline)
        {
            var renderer = new HtmlRenderer(new StringWriter());
            pipeline.Setup(renderer);
            return renderer;
        }
    }
}
