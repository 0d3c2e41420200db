using Microsoft.CodeAnalysis;

namespace LazyMigrate.Analyzers;

/// <summary>Every diagnostic descriptor LazyMigrate reports (one per rule id).</summary>
public static class Descriptors
{
    /// <summary>The category of every LazyMigrate rule.</summary>
    public const string Category = "Performance";

    private const string HelpLinkBase = "https://github.com/lazymigrate/lazymigrate/blob/main/docs/rules/";

    /// <summary>LZM0001: static initializer or static constructor does heavy work.</summary>
    public static readonly DiagnosticDescriptor LZM0001StaticHeavyInitializer = Create(
        RuleIds.StaticHeavyInitializer,
        "Heavy type initialized by a static initializer",
        "'{0}' from heavy package '{1}' is {2}; it runs as soon as any static member of '{3}' is first used",
        DiagnosticSeverity.Warning,
        "Static field and property initializers and static constructors run when any static member of the type is first touched, so a heavy construction there loads its assemblies and native libraries long before it is needed. Hold the value in a lazy proxy instead. In an application this whole-compilation rule reports only classes that the startup path touches before the app is ready.",
        WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>LZM0002: heavy construction or call directly on a startup path.</summary>
    public static readonly DiagnosticDescriptor LZM0002HeavyWorkOnStartupPath = Create(
        RuleIds.HeavyWorkOnStartupPath,
        "Heavy work on the startup path",
        "'{0}' from heavy package '{1}' is {2} in {3} {4}: its assembly loads if it is not loaded yet, and {5} runs{6}",
        DiagnosticSeverity.Warning,
        "Entry points, module initializers, host and DI configuration, and hosted-service constructors and StartAsync all run before the application is ready: creating a heavy object there, or touching a static member of a heavy type, loads the package's assemblies and runs its code before the app can serve. Defer it to first use or to background loading.");

    /// <summary>LZM0003: eager DI singleton instance.</summary>
    public static readonly DiagnosticDescriptor LZM0003EagerSingletonRegistration = Create(
        RuleIds.EagerSingletonRegistration,
        "Heavy singleton built at registration",
        "Singleton '{0}' from heavy package '{1}' is built when it is registered; register a factory (sp => ...) so it is built on first resolve",
        DiagnosticSeverity.Warning,
        "AddSingleton(instance) builds the instance while the container is configured, during startup, even if no request ever needs it. A factory registration builds nothing until the service is first resolved.");

    /// <summary>LZM0004: heavy service resolved during startup.</summary>
    public static readonly DiagnosticDescriptor LZM0004HeavyServiceResolvedAtStartup = Create(
        RuleIds.HeavyServiceResolvedAtStartup,
        "Heavy service resolved during startup",
        "Heavy service '{0}' from package '{1}' is resolved on the startup path; resolve it where it is first used",
        DiagnosticSeverity.Info,
        "Resolving a singleton builds it. Resolving a heavy service on the startup path turns a lazy registration back into an eager one.");

    /// <summary>LZM0005: heavy type named in a startup method.</summary>
    public static readonly DiagnosticDescriptor LZM0005HeavyTypeNamedInStartupMethod = Create(
        RuleIds.HeavyTypeNamedInStartupMethod,
        "Heavy type named in a startup method",
        "Heavy type '{0}' from package '{1}' is referenced by the code of startup method '{2}': compiling the method loads its assembly (about 2 ms per assembly, before the method's first line, even if this code never runs){3}",
        DiagnosticSeverity.Info,
        "The runtime loads an assembly when a type from it is loaded, and most type loads happen when a method is JIT-compiled: every type its code references, written or not (a var local, a property's type, a called method's return type, a generic argument). Such a load costs about 2 ms per assembly and builds nothing; it matters for code that does not need to run during startup. Move that code into a separate method marked [MethodImpl(MethodImplOptions.NoInlining)]. A lambda's delegate type counts too (a DI factory, an endpoint handler's parameters). A service registration runs during startup wherever it is written, so it gets no move; a package's own registration methods (AddDbContext<T>) are not reported, since calling them loads the package anyway.");

    /// <summary>LZM0006: lazy proxy forced on the startup path.</summary>
    public static readonly DiagnosticDescriptor LZM0006LazyProxyForcedAtStartup = Create(
        RuleIds.LazyProxyForcedAtStartup,
        "Lazy value forced on the startup path",
        "Lazy value '{0}' is forced on the startup path; its laziness is declared and immediately defeated",
        DiagnosticSeverity.Warning,
        "Reading .Value, calling Get<T>() or EnsureLoaded() on the startup path does the heavy work right away. Force it where it is first needed, or warm it up in the background after the application is ready.");

    /// <summary>LZM0007: lazy-package declaration names an unreferenced assembly.</summary>
    public static readonly DiagnosticDescriptor LZM0007UnreferencedLazyAssembly = Create(
        RuleIds.UnreferencedLazyAssembly,
        "Lazy package names an assembly the project does not reference",
        "Assembly '{0}' is not referenced by this project; loading it lazily will fail at run time",
        DiagnosticSeverity.Warning,
        "A lazy-package declaration or heavy marker that names an assembly the project does not reference is catalog drift: the package was renamed or removed, or the name has a typo. The lazy load will fail with LazyLoadException.");

    /// <summary>LZM0008: heavy work reachable from startup through project calls.</summary>
    public static readonly DiagnosticDescriptor LZM0008HeavyWorkReachableFromStartup = Create(
        RuleIds.HeavyWorkReachableFromStartup,
        "Heavy work reachable from startup",
        "'{0}' from heavy package '{1}' is {2} through the call chain {4} {3}: its assembly loads if it is not loaded yet, and {5} runs",
        DiagnosticSeverity.Warning,
        "A method that is not itself a startup method can still run during startup when a startup method calls it, or when the container builds it for a startup path. This whole-compilation rule follows calls, constructors that dependency injection runs, and lambdas run on the spot, from every startup method, and reports where a heavy object is created or a heavy type is first touched.",
        WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>Every descriptor, in rule id order.</summary>
    public static readonly DiagnosticDescriptor[] All =
    {
        LZM0001StaticHeavyInitializer,
        LZM0002HeavyWorkOnStartupPath,
        LZM0003EagerSingletonRegistration,
        LZM0004HeavyServiceResolvedAtStartup,
        LZM0005HeavyTypeNamedInStartupMethod,
        LZM0006LazyProxyForcedAtStartup,
        LZM0007UnreferencedLazyAssembly,
        LZM0008HeavyWorkReachableFromStartup,
    };

    /// <summary>The documentation page of a rule.</summary>
    public static string HelpLink(string id) => HelpLinkBase + id + ".md";

    private static DiagnosticDescriptor Create(
        string id,
        string title,
        string message,
        DiagnosticSeverity severity,
        string description,
        params string[] customTags) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, description, HelpLink(id), customTags);
}
