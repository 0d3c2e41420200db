using System.Text;
using Microsoft.CodeAnalysis;

namespace LazyMigrate.Analyzers.Infrastructure;

/// <summary>Name helpers shared by the rules (no allocation-heavy display formats on hot paths).</summary>
internal static class SymbolNames
{
    /// <summary>Fully qualified, no <c>global::</c>: what the HeavyType/ServiceType properties carry.</summary>
    public static readonly SymbolDisplayFormat QualifiedFormat =
        SymbolDisplayFormat.FullyQualifiedFormat.WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted);

    public static string Qualified(ITypeSymbol type) => type.ToDisplayString(QualifiedFormat);

    /// <summary>The namespace as a dotted string; empty for the global namespace.</summary>
    public static string Namespace(ISymbol symbol)
    {
        var ns = symbol.ContainingNamespace;
        return ns is null || ns.IsGlobalNamespace ? string.Empty : ns.ToDisplayString();
    }

    /// <summary><c>Ns.Outer+Inner`1</c> (the metadata name), with <paramref name="nestedSeparator"/> between nested types.</summary>
    public static string MetadataName(INamedTypeSymbol type, char nestedSeparator = '+')
    {
        var builder = new StringBuilder();
        Append(builder, type, nestedSeparator);
        return builder.ToString();
    }

    /// <summary><c>Ns.Type.Method</c>: how startup and ready methods are configured.</summary>
    public static string MethodName(IMethodSymbol method)
    {
        var type = method.ContainingType;
        var name = method.MethodKind == MethodKind.Constructor ? "ctor" : method.Name;
        return type is null ? name : MetadataName(type, '.') + "." + name;
    }

    /// <summary>Short display for call chains and messages: <c>Program.Main</c>, <c>Loader.LoadModel</c>.</summary>
    public static string Short(IMethodSymbol method)
    {
        var typeName = method.ContainingType?.Name ?? string.Empty;
        if (method.MethodKind == MethodKind.Constructor)
        {
            return "new " + typeName + "()";
        }

        var name = method.Name == "<Main>$" ? "Main" : method.Name;
        return typeName.Length == 0 ? name : typeName + "." + name;
    }

    public static bool IsInNamespace(ISymbol symbol, string ns)
    {
        var name = Namespace(symbol);
        return name == ns;
    }

    private static void Append(StringBuilder builder, INamedTypeSymbol type, char nestedSeparator)
    {
        if (type.ContainingType is { } outer)
        {
            Append(builder, outer, nestedSeparator);
            builder.Append(nestedSeparator);
        }
        else
        {
            var ns = Namespace(type);
            if (ns.Length > 0)
            {
                builder.Append(ns).Append('.');
            }
        }

        builder.Append(type.MetadataName);
    }
}
