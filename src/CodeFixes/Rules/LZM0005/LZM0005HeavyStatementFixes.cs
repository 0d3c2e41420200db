using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate.Analyzers;
using LazyMigrate.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LazyMigrate.CodeFixes.Rules;

/// <summary>LZM0005's rewrite: the statement naming the heavy type moves out of the startup method.</summary>
internal static class LZM0005HeavyStatementFixes
{
    public static Task<Document?> ExtractAsync(Document document, SyntaxNode target, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var statement = target.FirstAncestorOrSelf<StatementSyntax>();
        if (statement is null || statement is BlockSyntax)
        {
            return Task.FromResult<Document?>(null);
        }

        diagnostic.Properties.TryGetValue(DiagnosticProperties.HeavyType, out var heavyType);
        var baseName = BaseName(heavyType);
        if (statement is LocalDeclarationStatementSyntax declaration)
        {
            var initializer = declaration.Declaration.Variables.Count == 1 ? declaration.Declaration.Variables[0].Initializer : null;
            return initializer is not null && initializer.Value.Span.Contains(target.Span)
                ? StatementExtractor.ExtractInitializerAsync(document, declaration, "Compute" + baseName, heavyType, cancellationToken)
                : Task.FromResult<Document?>(null);
        }

        return StatementExtractor.ExtractStatementAsync(document, statement, "Use" + baseName, cancellationToken);
    }

    /// <summary>"Microsoft.ML.OnnxRuntime.InferenceSession" → "InferenceSession".</summary>
    private static string BaseName(string? heavyType)
    {
        if (string.IsNullOrEmpty(heavyType))
        {
            return "Heavy";
        }

        var simple = heavyType!.Split('<')[0].Split('.', '+').Last();
        return simple.Length == 0 || !char.IsLetter(simple[0]) ? "Heavy" : Names.Pascal(simple);
    }
}
