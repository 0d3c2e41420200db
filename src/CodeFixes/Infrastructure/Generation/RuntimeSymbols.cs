using Microsoft.CodeAnalysis;

namespace LazyMigrate.CodeFixes.Infrastructure;

/// <summary>Detects whether the project references LazyMigrate.Runtime (then fixes use its proxies).</summary>
internal static class RuntimeSymbols
{
    public const string LazyValueMetadataName = "LazyMigrate.LazyValue";

    public const string HolderAttributeMetadataName = "LazyMigrate.LazyValueHolderAttribute";

    /// <summary>
    /// True when the referenced runtime has the holder API (<c>[LazyValueHolder]</c> and
    /// <c>LazyValue.GetOrDefault&lt;T&gt;()</c>, added together); older runtimes get the cache field.
    /// </summary>
    public static bool HasHolderSupport(Compilation compilation)
    {
        var attribute = compilation.GetTypeByMetadataName(HolderAttributeMetadataName);
        return attribute is not null && compilation.IsSymbolAccessibleWithin(attribute, compilation.Assembly);
    }

    public static bool HasRuntime(Compilation compilation)
    {
        var lazyValue = compilation.GetTypeByMetadataName(LazyValueMetadataName);
        return lazyValue is not null && compilation.IsSymbolAccessibleWithin(lazyValue, compilation.Assembly);
    }
}
