using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace LazyMigrate.CodeFixes.Infrastructure;

/// <summary>Word-level helpers for names; <see cref="MemberNames"/> picks the names of generated members.</summary>
internal static class Names
{
    /// <summary>"Session" / "_session" / "s_session" → "session".</summary>
    public static string Stem(string name)
    {
        var stem = name;
        if (stem.StartsWith("s_", System.StringComparison.Ordinal) || stem.StartsWith("m_", System.StringComparison.Ordinal))
        {
            stem = stem.Substring(2);
        }

        stem = stem.TrimStart('_', '@');
        return stem.Length == 0 ? "value" : stem;
    }

    public static string Camel(string name)
    {
        var stem = Stem(name);
        return char.ToLowerInvariant(stem[0]) + stem.Substring(1);
    }

    public static string Pascal(string name)
    {
        var stem = Stem(name);
        return char.ToUpperInvariant(stem[0]) + stem.Substring(1);
    }

    /// <summary>"MLContext" → "mlContext", "BlobServiceClient" → "blobServiceClient": a leading acronym is lowered as a whole.</summary>
    public static string CamelStem(string name)
    {
        var upper = 0;
        while (upper < name.Length && char.IsUpper(name[upper]))
        {
            upper++;
        }

        // The last capital of an acronym starts the next word ("MLContext": "ML" + "Context").
        if (upper > 1 && upper < name.Length)
        {
            upper--;
        }

        return name.Substring(0, upper).ToLowerInvariant() + name.Substring(upper);
    }

    /// <summary>Every identifier spelled in <paramref name="node"/> (locals, parameters, members it uses).</summary>
    /// <remarks>Member names after a dot (<c>x.Version</c>) are not included: they cannot be shadowed.</remarks>
    public static HashSet<string> IdentifiersIn(SyntaxNode node)
        => new(node.DescendantTokens()
            .Where(t => t.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken)
                && !(t.Parent?.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax access && access.Name == t.Parent))
            .Select(t => t.ValueText));
}
