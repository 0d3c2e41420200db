namespace LazyMigrate.Analyzers;

/// <summary>
/// Names and values of the <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> the rules attach.
/// The code fixes read these: keep them stable (documented in docs/rules/*.md).
/// </summary>
public static class DiagnosticProperties
{
    /// <summary>Catalog package name (e.g. <c>Microsoft.ML.OnnxRuntime</c>), or the assembly name for user configuration.</summary>
    public const string PackageName = "PackageName";

    /// <summary>Fully qualified name of the heavy type, without <c>global::</c>.</summary>
    public const string HeavyType = "HeavyType";

    /// <summary>LZM0001: where the static initialization runs (<see cref="KindFieldInitializer"/>, …); LZM0005: <see cref="KindRegistration"/> or absent.</summary>
    public const string Kind = "Kind";

    /// <summary>LZM0001 kind: a static field initializer.</summary>
    public const string KindFieldInitializer = "FieldInitializer";

    /// <summary>LZM0001 kind: a static auto-property initializer.</summary>
    public const string KindPropertyInitializer = "PropertyInitializer";

    /// <summary>LZM0001 kind: a statement of a static constructor.</summary>
    public const string KindStaticConstructor = "StaticConstructor";

    /// <summary>LZM0005 kind: the type is named by a service registration (AddSingleton…), which no move defers.</summary>
    public const string KindRegistration = "Registration";

    /// <summary>
    /// LZM0001: the initializer builds nothing heavy, it only creates a delegate whose type names the heavy type
    /// (the delegate type's name, e.g. <c>Func&lt;InferenceSession&gt;</c>); the lazy-member fix does not apply.
    /// </summary>
    public const string DelegateType = "DelegateType";

    /// <summary>LZM0002: which kind of startup path the statement is on (a <see cref="Infrastructure.StartupKind"/> name).</summary>
    public const string StartupKind = "StartupKind";

    /// <summary>LZM0003: the service type the registration declares (fully qualified, no <c>global::</c>).</summary>
    public const string ServiceType = "ServiceType";

    /// <summary>LZM0006: how the forced value is used.</summary>
    public const string Form = "Form";

    /// <summary>LZM0006 form: an expression statement whose value is discarded (<c>_ = x.Value;</c>, <c>pkg.EnsureLoaded();</c>).</summary>
    public const string FormDiscardedStatement = "DiscardedStatement";

    /// <summary>LZM0006 form: the forced value is used by the surrounding code.</summary>
    public const string FormValueUsed = "ValueUsed";

    /// <summary>LZM0007: the assembly name the declaration names.</summary>
    public const string AssemblyName = "AssemblyName";

    /// <summary>LZM0008: the call chain from the startup method, e.g. <c>Program.Main → Init → LoadModel</c>.</summary>
    public const string CallChain = "CallChain";
}
