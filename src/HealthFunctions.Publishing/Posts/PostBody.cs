using HealthFunctions.Publishing.Rendering;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace HealthFunctions.Publishing.Posts;

/// <summary>
/// The body step: the post's top-level blocks without the front matter, split at the
/// <c>&lt;!--more--&gt;</c> divider. The divider is taken out of the document, so it is not rendered.
/// </summary>
public sealed class PostBody
{
    private PostBody(IReadOnlyList<Block> blocks, int moreIndex)
    {
        Blocks = blocks;
        MoreIndex = moreIndex;
    }

    public IReadOnlyList<Block> Blocks { get; }

    /// <summary>How many blocks stand before the divider; -1 when there is none.</summary>
    public int MoreIndex { get; }

    /// <summary>The blocks before the divider (all of them when there is none).</summary>
    public IEnumerable<Block> BeforeMore => MoreIndex < 0 ? Blocks : Blocks.Take(MoreIndex);

    public static PostBody Of(MarkdownDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var blocks = new List<Block>();
        var moreIndex = -1;
        foreach (var block in document.ToList())
        {
            if (MoreDivider.Is(block))
            {
                moreIndex = moreIndex < 0 ? blocks.Count : moreIndex;
                document.Remove(block);
            }
            else if (block is not YamlFrontMatterBlock)
            {
                blocks.Add(block);
            }
        }

        return new PostBody(blocks, moreIndex);
    }
}
