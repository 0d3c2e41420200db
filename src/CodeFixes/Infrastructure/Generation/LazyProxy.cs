namespace LazyMigrate.CodeFixes.Infrastructure;

/// <summary>
/// The proxy text every lazy rewrite writes: <c>LazyMigrate.LazyValue</c> when the project references
/// LazyMigrate.Runtime (it names the package, so status and warm-up see it), otherwise
/// <c>System.Lazy&lt;object&gt;</c>. Both name no heavy type, so the field holding one loads nothing heavy.
/// </summary>
internal static class LazyProxy
{
    /// <summary>
    /// The proxy's type; <paramref name="mayBeNull"/>: the factory returns <c>object?</c> (nullable
    /// annotations on, a value that may be null), so the Lazy is one of <c>object?</c>.
    /// </summary>
    public static string Type(bool runtime, bool mayBeNull = false)
        => runtime ? "global::LazyMigrate.LazyValue" : mayBeNull ? "global::System.Lazy<object?>" : "global::System.Lazy<object>";

    /// <summary>
    /// A new proxy that builds its value with the method <paramref name="factory"/> (a method group or
    /// lambda). When <paramref name="mayBeNull"/>, the factory returns <c>object?</c>: LazyValue takes a
    /// <c>Func&lt;object&gt;</c> and allows it to return null, so the method group is wrapped in a
    /// lambda that says so (<c>() =&gt; CreateX()!</c>); a method group would warn (CS8621).
    /// </summary>
    public static string Creation(bool runtime, string? packageName, string factory, bool mayBeNull = false)
    {
        if (runtime && mayBeNull)
        {
            factory = $"() => {factory}()!";
        }

        return runtime
            ? $"new global::LazyMigrate.LazyValue({(packageName is null ? factory : Generated.Literal(packageName) + ", " + factory)})"
            : $"new {Type(runtime, mayBeNull)}({factory})";
    }

    /// <summary>The value of the proxy <paramref name="proxy"/> as <paramref name="typeText"/>, built on first read.</summary>
    public static string Read(bool runtime, string proxy, string typeText) => runtime ? $"{proxy}.Get<{typeText}>()" : $"({typeText}){proxy}.Value";
}
