using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace LazyMigrate.CodeFixes.Infrastructure;

/// <summary>
/// Where members generated for code inside a method go: the end of the containing type part; for top-level statements, a <c>partial class Program</c> in the same file (created at
/// the end of the file when missing; top-level statements see its static members unqualified).
/// </summary>
internal sealed class MemberHost
{
    private MemberHost(INamedTypeSymbol type, SyntaxNode enclosing, IMethodSymbol? method, ClassDeclarationSyntax? programPart, CompilationUnitSyntax? compilationUnit)
    {
        Type = type;
        Enclosing = enclosing;
        Method = method;
        ProgramPart = programPart;
        CompilationUnit = compilationUnit;
    }

    /// <summary>The type that receives the members.</summary>
    public INamedTypeSymbol Type { get; }

    /// <summary>The member the code sits in (a method, accessor owner, constructor), or the compilation unit.</summary>
    public SyntaxNode Enclosing { get; }

    /// <summary>The method whose body holds the code (null when not a method, e.g. a field initializer lambda).</summary>
    public IMethodSymbol? Method { get; }

    public bool IsTopLevel => CompilationUnit is not null;

    private ClassDeclarationSyntax? ProgramPart { get; }

    private CompilationUnitSyntax? CompilationUnit { get; }

    /// <summary>True when the code runs where <c>this</c> is not available.</summary>
    public bool IsStaticContext => IsTopLevel || Method is null || Method.IsStatic;

    public static MemberHost? Find(SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
    {
        if (node.FirstAncestorOrSelf<GlobalStatementSyntax>() is { Parent: CompilationUnitSyntax unit })
        {
            var entryType = model.GetEnclosingSymbol(node.SpanStart, cancellationToken)?.ContainingType;
            while (entryType is not null && entryType.ContainingType is not null)
            {
                entryType = entryType.ContainingType;
            }

            if (entryType is null)
            {
                return null;
            }

            // An empty part ("public partial class Program { }", written for test hosts) stays as
            // written: the members go into a part with members, else a new part.
            var part = unit.Members.OfType<ClassDeclarationSyntax>()
                .FirstOrDefault(c => c.Modifiers.Any(SyntaxKind.PartialKeyword) && c.Members.Count > 0
                    && SymbolEqualityComparer.Default.Equals(model.GetDeclaredSymbol(c, cancellationToken), entryType));
            return new MemberHost(entryType, unit, model.GetEnclosingSymbol(node.SpanStart, cancellationToken) as IMethodSymbol, part, unit);
        }

        var member = node.FirstAncestorOrSelf<MemberDeclarationSyntax>(m => m is BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax);
        if (member?.Parent is not TypeDeclarationSyntax typeDecl
            || model.GetDeclaredSymbol(typeDecl, cancellationToken) is not INamedTypeSymbol type)
        {
            return null;
        }

        var method = member is BaseMethodDeclarationSyntax ? model.GetDeclaredSymbol(member, cancellationToken) as IMethodSymbol : null;
        if (method is null && member is BasePropertyDeclarationSyntax)
        {
            method = node.FirstAncestorOrSelf<AccessorDeclarationSyntax>() is { } accessor
                ? model.GetDeclaredSymbol(accessor, cancellationToken) as IMethodSymbol
                : null;
        }

        return new MemberHost(type, member, method, null, null);
    }

    /// <summary>Adds <paramref name="members"/> after the enclosing member (or to Program).</summary>
    public void Add(SyntaxEditor editor, IReadOnlyList<MemberDeclarationSyntax> members)
    {
        // Keep comments a rewrite put on a member (e.g. the comment of a moved local), after a blank
        // line when members precede it (the formatter adds none before a comment).
        var afterMembers = !IsTopLevel || ProgramPart is { Members.Count: > 0 };
        var blankLine = afterMembers && Enclosing.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { RawKind: not 0 } lineEnd
            ? new[] { lineEnd }
            : System.Array.Empty<SyntaxTrivia>();
        var placed = members.Select(m => (m.GetLeadingTrivia().Any(t => !t.IsKind(SyntaxKind.WhitespaceTrivia) && !t.IsKind(SyntaxKind.EndOfLineTrivia))
                ? m.WithLeadingTrivia(blankLine.Concat(m.GetLeadingTrivia().Where(t => !t.IsKind(SyntaxKind.WhitespaceTrivia))))
                : m.WithLeadingTrivia(SyntaxFactory.ElasticMarker))
            .WithTrailingTrivia(SyntaxFactory.ElasticLineFeed)).ToList();
        if (!IsTopLevel)
        {
            // Appended at the end of the type part, in the order the fixes are applied (the same
            // order for one fix at a time and for Fix All).
            editor.ReplaceNode(Enclosing.Parent!, (current, _) => ((TypeDeclarationSyntax)current).AddMembers(placed.ToArray()));
            return;
        }

        if (ProgramPart is not null)
        {
            editor.ReplaceNode(ProgramPart, (current, _) => ((ClassDeclarationSyntax)current).AddMembers(placed.ToArray()));
            return;
        }

        // The file keeps ending the way it did (with or without a final line break).
        var lastToken = CompilationUnit!.EndOfFileToken.GetPreviousToken();
        var endsWithNewline = lastToken.TrailingTrivia.Any(SyntaxKind.EndOfLineTrivia);
        var program = SyntaxFactory.ClassDeclaration("Program")
            .WithModifiers(SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxKind.PartialKeyword)))
            .WithMembers(SyntaxFactory.List(placed))
            .WithLeadingTrivia(SyntaxFactory.ElasticLineFeed)
            .WithTrailingTrivia(endsWithNewline ? SyntaxFactory.TriviaList(SyntaxFactory.LineFeed) : SyntaxFactory.TriviaList())
            .WithAdditionalAnnotations(Microsoft.CodeAnalysis.Formatting.Formatter.Annotation);
        editor.ReplaceNode(CompilationUnit!, (current, _) => ((CompilationUnitSyntax)current).AddMembers(program));
    }
}
