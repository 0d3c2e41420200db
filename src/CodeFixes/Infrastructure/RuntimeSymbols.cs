using Microsoft.CodeAnalysis;

namespace LazyMigrate.CodeFixes.Infrastructure;

/// <summary>Detects whether the project references LazyMigrate.Runtime (then fixes use its proxies).</summary>
internal static class RuntimeSymbols
{
    public const string LazyValueMetadataName = "LazyMigrate.LazyValue";

    public static bool HasRuntime(Compilation compilation)
    {
        var lazyValue = compilation.GetTypeByMetadataName(LazyValueMetadataName);
        return lazyValue is not null && compilation.IsSymbolAccessibleWithin(lazyValue, compilation.Assembly);
    }
}
