using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SiteGen.Engine;

/// <summary>
/// The blocks or inlines of one kind in a page's Markdown tree, in document order: each block,
/// then the inlines of its text, then the blocks inside it (the order of Markdig's own
/// <c>Descendants</c>). The render steps each look through every page's tree; Markdig's walk
/// goes through two stacks and an iterator for every node, and those walks cost about a twentieth
/// of a 1,000-page build. This one is a plain recursion that collects what it finds.
/// The list is made before the caller changes the tree, so a step may change the nodes it is given.
/// </summary>
public static class MarkdownNodes
{
    /// <summary>Every block of type <typeparamref name="T"/> under <paramref name="root"/>, in document order.</summary>
    public static List<T> Blocks<T>(ContainerBlock root) where T : Block
    {
        var found = new List<T>();
        AddBlocks(root, found);
        return found;
    }

    /// <summary>Every inline of type <typeparamref name="T"/> in the text of the blocks under <paramref name="root"/>, in document order.</summary>
    public static List<T> Inlines<T>(ContainerBlock root) where T : Inline
    {
        var found = new List<T>();
        AddInlines(root, found);
        return found;
    }

    private static void AddBlocks<T>(ContainerBlock container, List<T> found) where T : Block
    {
        for (var i = 0; i < container.Count; i++)
        {
            var block = container[i];
            if (block is T match) found.Add(match);
            if (block is ContainerBlock inner) AddBlocks(inner, found);
        }
    }

    private static void AddInlines<T>(ContainerBlock container, List<T> found) where T : Inline
    {
        for (var i = 0; i < container.Count; i++)
        {
            switch (container[i])
            {
                case LeafBlock { Inline: { } text }:
                    AddInlines(text, found);
                    break;
                case ContainerBlock inner:
                    AddInlines(inner, found);
                    break;
            }
        }
    }

    private static void AddInlines<T>(ContainerInline container, List<T> found) where T : Inline
    {
        for (var inline = container.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            if (inline is T match) found.Add(match);
            if (inline is ContainerInline inner) AddInlines(inner, found);
        }
    }
}
