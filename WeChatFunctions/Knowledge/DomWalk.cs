using AngleSharp.Dom;

namespace WeChatFunctions.Knowledge;

/// <summary>
/// Visits a DOM depth first with a stack of its own, so that a page nested as deep as it likes cannot overflow the
/// thread's stack, and children by index, since AngleSharp finds a node's next sibling by searching its parent.
/// </summary>
internal static class DomWalk
{
    private const int NodesBetweenChecks = 4096;

    /// <param name="enter">Called with each node under <paramref name="root"/> and its depth (1 for a child of the root); returns whether to visit its children.</param>
    /// <param name="leave">Called after the children of each node whose children were visited.</param>
    public static void Walk(INode root, Func<INode, int, bool> enter, Action<INode>? leave, CancellationToken cancellationToken)
    {
        var open = new Stack<(INode Node, int Next)>();
        open.Push((root, 0));
        var visited = 0;
        while (open.TryPop(out var frame))
        {
            var children = frame.Node.ChildNodes;
            if (frame.Next >= children.Length)
            {
                if (open.Count > 0)
                {
                    leave?.Invoke(frame.Node);
                }

                continue;
            }

            open.Push((frame.Node, frame.Next + 1));
            if (visited++ % NodesBetweenChecks == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var child = children[frame.Next];
            if (enter(child, open.Count))
            {
                open.Push((child, 0));
            }
        }
    }
}
