using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HealthFunctions.Publishing.Rendering;

/// <summary>
/// Depth-first walks over a Markdig syntax tree, in document order, outermost first. They use no
/// recursion: blocks are walked with a stack and inlines by their sibling and parent links, so a
/// hostile upload nested thousands of levels deep cannot overflow the call stack.
/// </summary>
internal static class MarkdownWalk
{
    /// <summary>
    /// Visits <paramref name="root"/> and the blocks inside it; <paramref name="visit"/> returns whether to
    /// go into the block it was given.
    /// </summary>
    public static void ForEachBlock(Block root, Func<Block, bool> visit)
    {
        var stack = new Stack<Block>();
        stack.Push(root);
        while (stack.TryPop(out var block))
        {
            if (visit(block) && block is ContainerBlock container)
            {
                for (var i = container.Count - 1; i >= 0; i--)
                {
                    stack.Push(container[i]);
                }
            }
        }
    }

    /// <summary>
    /// Visits the inlines inside <paramref name="root"/> (not the root itself); <paramref name="visit"/>
    /// returns whether to go into the inline it was given.
    /// </summary>
    public static void ForEachInline(ContainerInline root, Func<Inline, bool> visit)
    {
        var node = root.FirstChild;
        while (node is not null)
        {
            if (visit(node) && node is ContainerInline { FirstChild: { } first })
            {
                node = first;
                continue;
            }

            while (node.NextSibling is null)
            {
                if (node.Parent is not { } parent || ReferenceEquals(parent, root))
                {
                    return;
                }

                node = parent;
            }

            node = node.NextSibling;
        }
    }

    /// <summary>
    /// How deeply inlines nest inside each other anywhere under <paramref name="block"/> (1 for plain text
    /// in a paragraph). Emphasis and brackets can nest far deeper than Markdig's parser checks.
    /// </summary>
    public static int InlineDepth(Block block)
    {
        var deepest = 0;
        ForEachBlock(block, each =>
        {
            if (each is LeafBlock { Inline: { } root })
            {
                var depth = 0;
                Inline? node = root;
                while (node is not null)
                {
                    // Down to the first child where there is one, else on to the next sibling, climbing as needed.
                    if (node is ContainerInline { FirstChild: { } first })
                    {
                        node = first;
                        deepest = Math.Max(deepest, ++depth);
                        continue;
                    }

                    while (node is not null && !ReferenceEquals(node, root) && node.NextSibling is null)
                    {
                        node = node.Parent;
                        depth--;
                    }

                    node = node is null || ReferenceEquals(node, root) ? null : node.NextSibling;
                }
            }

            return true;
        });
        return deepest;
    }

    /// <summary>Every inline under <paramref name="block"/> that <paramref name="wanted"/> accepts.</summary>
    public static List<Inline> Inlines(Block block, Func<Inline, bool> wanted)
    {
        var found = new List<Inline>();
        ForEachBlock(block, each =>
        {
            if (each is LeafBlock { Inline: { } inline })
            {
                Collect(inline, found, wanted);
            }

            return true;
        });
        return found;
    }

    /// <summary>Every inline of type <typeparamref name="T"/> under <paramref name="block"/>.</summary>
    public static List<T> Inlines<T>(Block block)
        where T : Inline =>
        Inlines(block, inline => inline is T).ConvertAll(inline => (T)inline);

    /// <summary>Every inline of type <typeparamref name="T"/> inside <paramref name="container"/>.</summary>
    public static List<T> Inlines<T>(ContainerInline container)
        where T : Inline
    {
        var found = new List<Inline>();
        Collect(container, found, inline => inline is T);
        return found.ConvertAll(inline => (T)inline);
    }

    /// <summary>True when <paramref name="block"/> is or holds a <typeparamref name="T"/>.</summary>
    public static bool HasBlock<T>(Block block)
        where T : Block
    {
        var found = false;
        ForEachBlock(block, each => !(found |= each is T));
        return found;
    }

    /// <summary>True when any inline under <paramref name="block"/> is a <typeparamref name="T"/>.</summary>
    public static bool HasInline<T>(Block block)
        where T : Inline
    {
        var found = false;
        ForEachBlock(block, each =>
        {
            if (!found && each is LeafBlock { Inline: { } inline })
            {
                ForEachInline(inline, child => !(found |= child is T));
            }

            return !found;
        });
        return found;
    }

    private static void Collect(ContainerInline container, List<Inline> found, Func<Inline, bool> wanted) =>
        ForEachInline(container, inline =>
        {
            if (wanted(inline))
            {
                found.Add(inline);
            }

            return true;
        });
}
