using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HealthFunctions.Publishing.Rendering;

/// <summary>
/// Plain depth-first walks over a Markdig syntax tree, in document order. Markdig's own
/// <c>Descendants</c> helpers nest one iterator per level, which costs as much as rendering on
/// a long post; these visit each node once with no allocation beyond the result.
/// </summary>
internal static class MarkdownWalk
{
    /// <summary>Every inline of type <typeparamref name="T"/> under <paramref name="block"/>, outermost first.</summary>
    public static List<T> Inlines<T>(Block block)
        where T : Inline
    {
        var found = new List<Inline>();
        Collect(block, found, inline => inline is T);
        return found.ConvertAll(inline => (T)inline);
    }

    /// <summary>Every inline under <paramref name="block"/> that <paramref name="wanted"/> accepts, outermost first.</summary>
    public static List<Inline> Inlines(Block block, Func<Inline, bool> wanted)
    {
        var found = new List<Inline>();
        Collect(block, found, wanted);
        return found;
    }

    /// <summary>True when any inline under <paramref name="block"/> is a <typeparamref name="T"/>; stops at the first.</summary>
    public static bool HasInline<T>(Block block)
        where T : Inline
    {
        switch (block)
        {
            case LeafBlock { Inline: { } inline }:
                return HasInline<T>(inline);
            case ContainerBlock container:
                for (var i = 0; i < container.Count; i++)
                {
                    if (HasInline<T>(container[i]))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>True when <paramref name="block"/> is or holds a <typeparamref name="T"/>; stops at the first.</summary>
    public static bool HasBlock<T>(Block block)
        where T : Block
    {
        if (block is T)
        {
            return true;
        }

        if (block is ContainerBlock container)
        {
            for (var i = 0; i < container.Count; i++)
            {
                if (HasBlock<T>(container[i]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool HasInline<T>(ContainerInline container)
        where T : Inline
    {
        for (var child = container.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is T || (child is ContainerInline nested && HasInline<T>(nested)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every inline of type <typeparamref name="T"/> inside <paramref name="container"/>, outermost first.</summary>
    public static List<T> Inlines<T>(ContainerInline container)
        where T : Inline
    {
        var found = new List<Inline>();
        Collect(container, found, inline => inline is T);
        return found.ConvertAll(inline => (T)inline);
    }

    /// <summary>Every block under <paramref name="block"/> (itself included) of type <typeparamref name="T"/>.</summary>
    public static List<T> Blocks<T>(Block block)
        where T : Block
    {
        var found = new List<T>();
        CollectBlocks(block, found);
        return found;
    }

    private static void Collect(Block block, List<Inline> found, Func<Inline, bool> wanted)
    {
        switch (block)
        {
            case LeafBlock { Inline: { } inline }:
                Collect(inline, found, wanted);
                break;
            case ContainerBlock container:
                for (var i = 0; i < container.Count; i++)
                {
                    Collect(container[i], found, wanted);
                }

                break;
        }
    }

    private static void Collect(ContainerInline container, List<Inline> found, Func<Inline, bool> wanted)
    {
        for (var child = container.FirstChild; child is not null; child = child.NextSibling)
        {
            if (wanted(child))
            {
                found.Add(child);
            }

            if (child is ContainerInline nested)
            {
                Collect(nested, found, wanted);
            }
        }
    }

    private static void CollectBlocks<T>(Block block, List<T> found)
        where T : Block
    {
        if (block is T match)
        {
            found.Add(match);
        }

        if (block is ContainerBlock container)
        {
            for (var i = 0; i < container.Count; i++)
            {
                CollectBlocks(container[i], found);
            }
        }
    }
}
