using System.Text.RegularExpressions;
using Markdig.Syntax;

namespace HealthFunctions.Publishing.Rendering;

/// <summary>The summary divider <c>&lt;!--more--&gt;</c>: a raw HTML comment on a line of its own (any case, spaces allowed inside).</summary>
public static partial class MoreDivider
{
    /// <summary>True when <paramref name="block"/> is the divider and nothing else.</summary>
    public static bool Is(Block block) =>
        block is HtmlBlock html && Pattern().IsMatch(html.Lines.ToString());

    [GeneratedRegex(@"^\s*<!--\s*more\s*-->\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
