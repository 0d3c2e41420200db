namespace LazyMigrate.Analyzers;

/// <summary>The diagnostic ids of every LazyMigrate rule. Ids never change once shipped.</summary>
public static class RuleIds
{
    /// <summary>A static initializer or static constructor constructs or calls into a heavy type.</summary>
    public const string StaticHeavyInitializer = "LZM0001";

    /// <summary>Heavy work executed directly on a startup path.</summary>
    public const string HeavyWorkOnStartupPath = "LZM0002";

    /// <summary>A heavy DI singleton instance built at registration.</summary>
    public const string EagerSingletonRegistration = "LZM0003";

    /// <summary>A heavy service resolved during startup.</summary>
    public const string HeavyServiceResolvedAtStartup = "LZM0004";

    /// <summary>A heavy type named in a startup method, loaded when the method is JIT-compiled.</summary>
    public const string HeavyTypeNamedInStartupMethod = "LZM0005";

    /// <summary>A lazy proxy forced on the startup path.</summary>
    public const string LazyProxyForcedAtStartup = "LZM0006";

    /// <summary>A lazy-package declaration or heavy marker names an assembly the project does not reference.</summary>
    public const string UnreferencedLazyAssembly = "LZM0007";

    /// <summary>Heavy work in a method reachable from startup through calls inside the project.</summary>
    public const string HeavyWorkReachableFromStartup = "LZM0008";

    /// <summary>Every rule id, in order.</summary>
    public static readonly string[] All =
    {
        StaticHeavyInitializer,
        HeavyWorkOnStartupPath,
        EagerSingletonRegistration,
        HeavyServiceResolvedAtStartup,
        HeavyTypeNamedInStartupMethod,
        LazyProxyForcedAtStartup,
        UnreferencedLazyAssembly,
        HeavyWorkReachableFromStartup,
    };
}
