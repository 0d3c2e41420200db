using Microsoft.CodeAnalysis;

namespace LazyMigrate.Generator;

/// <summary>The diagnostics the [LazyValue] generator reports (docs/rules/LZM1001.md to LZM1004.md).</summary>
public static class GeneratorDescriptors
{
    /// <summary>The category of every generator diagnostic: the attribute is misused, nothing is slow.</summary>
    public const string Category = "Usage";

    private const string HelpLinkBase = "https://github.com/lazymigrate/lazymigrate/blob/main/docs/rules/";

    /// <summary>LZM1001: the marked property is not a declaration the generator can implement.</summary>
    public static readonly DiagnosticDescriptor LZM1001NotImplementable = Create(
        "LZM1001",
        "[LazyValue] property cannot be generated",
        "[LazyValue] property '{0}' cannot be generated: {1}",
        "The generator writes the implementing part of a partial property: the property must be declared 'partial' with a lone 'get;' accessor (no body, no setter or init accessor, not by ref, not an indexer), and every type containing it must be partial.");

    /// <summary>LZM1002: no factory method of the expected name.</summary>
    public static readonly DiagnosticDescriptor LZM1002FactoryNotFound = Create(
        "LZM1002",
        "[LazyValue] factory not found",
        "[LazyValue] property '{0}' has no factory: declare a method '{1}' in '{2}' that builds the value{3}",
        "The generated property builds its value by calling a factory method of the declaring type: 'Create' followed by the property name, or the method named by the attribute's Factory argument.");

    /// <summary>LZM1003: the factory exists but cannot be called the way the generated code calls it.</summary>
    public static readonly DiagnosticDescriptor LZM1003FactorySignature = Create(
        "LZM1003",
        "[LazyValue] factory has the wrong signature",
        "Factory '{0}' of [LazyValue] property '{1}' {2}",
        "The generated code calls the factory without arguments from a static context for a static property, and casts its result to the property type: it must be a parameterless, non-generic method returning the property type (or object, or a type converted to it by reference), static for a static property.");

    /// <summary>LZM1004: no package is named and the catalog knows none for the property type.</summary>
    public static readonly DiagnosticDescriptor LZM1004PackageUnknown = Create(
        "LZM1004",
        "[LazyValue] package unknown",
        "[LazyValue] property '{0}' names no package and {1}: name it, as in [LazyValue(\"PackageName\")]",
        "A lazy value is bound to the package that is loaded before its factory runs. Without a name in the attribute, the package is the heavy-package catalog's entry for the assembly of the property's type; when the catalog has none, the package must be named.");

    private static DiagnosticDescriptor Create(string id, string title, string message, string description) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, description, HelpLinkBase + id + ".md");
}
