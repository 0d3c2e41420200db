using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace LazyMigrate.Internal;

/// <summary>A lazy value as background loading and the status see it.</summary>
internal interface ITrackedValue
{
    /// <summary>The package name as declared (resolved at first access), or null for a value bound to no package.</summary>
    string? BoundPackageName { get; }

    /// <summary>The package object, when given at declaration or resolved by a first access.</summary>
    LazyPackage? BoundPackage { get; }

    /// <summary>True once the value was built.</summary>
    bool IsValueCreated { get; }

    /// <summary>
    /// Builds (or joins the running build of) the value with trigger "background". Never throws:
    /// a failure is recorded by the value exactly as a first-access failure is.
    /// </summary>
    ValueTask BuildInBackgroundAsync();

    /// <summary>The value's state for the status; <paramref name="packageName"/> is the resolved package's name, if any.</summary>
    ValueStatus Snapshot(string? packageName);
}

/// <summary>
/// Every lazy value of the process, held weakly, so background loading can build the values of a
/// package right after it loads and the status can list them, without keeping any value (or its
/// owner) alive.
/// </summary>
/// <remarks>
/// Declaration cost: one node allocation (the node is the weak reference) and a lock-free push.
/// Nothing here touches a registry, resolves a name or loads an assembly at declaration. Dead nodes
/// are unlinked by the walks (serialized by a lock; pushers only ever replace the head and never
/// write an existing node's link, so unlinking behind the head is safe).
/// </remarks>
internal static class TrackedValues
{
    private static readonly object s_walkGate = new();
    private static Node? s_head;

    /// <summary>Remembers a value, weakly.</summary>
    public static void Track(ITrackedValue value)
    {
        var node = new Node(value);
        Node? head;
        do
        {
            head = Volatile.Read(ref s_head);
            node.Next = head;
        }
        while (!ReferenceEquals(Interlocked.CompareExchange(ref s_head, node, head), head));
    }

    /// <summary>Every live value, in declaration order.</summary>
    public static List<ITrackedValue> Live()
    {
        var result = new List<ITrackedValue>();
        lock (s_walkGate)
        {
            Node? previous = null;
            for (var node = Volatile.Read(ref s_head); node is not null; node = node.Next)
            {
                if (node.Target is not ITrackedValue value)
                {
                    // The value (and with it its owner) was collected. The head stays: a pusher may be
                    // linking a new node to it right now.
                    if (previous is not null)
                    {
                        previous.Next = node.Next;
                        continue;
                    }
                }
                else
                {
                    result.Add(value);
                }

                previous = node;
            }
        }

        result.Reverse();
        return result;
    }

    /// <summary>
    /// The live, not yet built values bound to <paramref name="package"/> of <paramref name="registry"/>,
    /// in declaration order. Values bound by name resolve against <see cref="LazyPackageRegistry.Default"/>
    /// at first access, so they belong to the default registry only; the name is matched without
    /// registering anything.
    /// </summary>
    public static List<ITrackedValue> For(LazyPackage package, LazyPackageRegistry registry)
    {
        var result = new List<ITrackedValue>();
        foreach (var value in Live())
        {
            if (!value.IsValueCreated && ReferenceEquals(registry.PackageOf(value), package))
            {
                result.Add(value);
            }
        }

        return result;
    }

    /// <summary>A list node that is itself the weak reference (one allocation per value).</summary>
    private sealed class Node : System.WeakReference
    {
        public Node? Next;

        public Node(object target)
            : base(target)
        {
        }
    }
}
