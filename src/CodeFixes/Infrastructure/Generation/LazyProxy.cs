namespace LazyMigrate.CodeFixes.Infrastructure;

/// <summary>
/// The proxy text every lazy rewrite writes: <c>LazyMigrate.LazyValue</c> when the project references
/// LazyMigrate.Runtime (it names the package, so status and warm-up see it), otherwise
/// <c>System.Lazy&lt;object&gt;</c>. Both name no heavy type, so the field holding one loads nothing heavy.
/// </summary>
internal static class LazyProxy
{
    /// <summary>The proxy's type.</summary>
    public static string Type(bool runtime) => runtime ? "global::LazyMigrate.LazyValue" : "global::System.Lazy<object>";

    /// <summary>A new proxy that builds its value with <paramref name="factory"/> (a method group or lambda).</summary>
    public static string Creation(bool runtime, string? packageName, string factory) => runtime
        ? $"new global::LazyMigrate.LazyValue({(packageName is null ? factory : Generated.Literal(packageName) + ", " + factory)})"
        : $"new global::System.Lazy<object>({factory})";

    /// <summary>The value of the proxy <paramref name="proxy"/> as <paramref name="typeText"/>, built on first read.</summary>
    public static string Read(bool runtime, string proxy, string typeText) => runtime ? $"{proxy}.Get<{typeText}>()" : $"({typeText}){proxy}.Value";
}
