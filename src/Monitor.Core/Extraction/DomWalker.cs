using AngleSharp.Dom;

namespace MinistryMonitor.Core.Extraction;

/// <summary>Receives the events of a document-order walk.</summary>
internal interface IDomVisitor
{
    /// <summary>Called when an element is reached; return false to skip its subtree (Exit is then not called).</summary>
    bool Enter(IElement element);

    void Exit(IElement element);

    void Text(IText text);
}

/// <summary>
/// Depth-first walk with an explicit stack: pages with 100,000 nested elements would overflow the call stack of
/// a recursive walk (and AngleSharp's own recursive helpers such as TextContent).
/// </summary>
internal static class DomWalker
{
    private struct Frame
    {
        public INodeList Children;
        public int Index;
        public IElement? Element;
    }

    public static void Walk(INode root, IDomVisitor visitor)
    {
        if (root is IElement rootElement && !visitor.Enter(rootElement)) return;
        var stack = new Frame[32];
        var depth = 0;
        stack[0] = new Frame { Children = root.ChildNodes, Index = 0, Element = root as IElement };
        while (depth >= 0)
        {
            ref var top = ref stack[depth];
            if (top.Index < top.Children.Length)
            {
                var child = top.Children[top.Index++];
                if (child is IElement element)
                {
                    if (!visitor.Enter(element)) continue;
                    if (++depth == stack.Length) Array.Resize(ref stack, stack.Length * 2);
                    stack[depth] = new Frame { Children = element.ChildNodes, Index = 0, Element = element };
                }
                else if (child is IText text)
                {
                    visitor.Text(text);
                }
                continue;
            }
            var done = top.Element;
            top = default;
            depth--;
            if (done is not null) visitor.Exit(done);
        }
    }

    /// <summary>All elements under root (root included) in document order.</summary>
    public static List<IElement> Elements(INode root, Func<IElement, bool>? descendInto = null)
    {
        var collector = new ElementCollector(descendInto);
        Walk(root, collector);
        return collector.Found;
    }

    private sealed class ElementCollector(Func<IElement, bool>? descendInto) : IDomVisitor
    {
        public List<IElement> Found { get; } = [];

        public bool Enter(IElement element)
        {
            Found.Add(element);
            return descendInto?.Invoke(element) ?? true;
        }

        public void Exit(IElement element) { }

        public void Text(IText text) { }
    }
}
