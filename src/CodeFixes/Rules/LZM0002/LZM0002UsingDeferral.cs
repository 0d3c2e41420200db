using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LazyMigrate.CodeFixes.Rules;

/// <summary>
/// LZM0002 for a heavy object the startup code owns through <c>using</c>: a using declaration
/// (<c>using var session = new InferenceSession(..);</c>) or a using statement
/// (<c>using (var session = new InferenceSession(..)) { .. }</c>). The object is deferred to its first
/// use like any other local (<see cref="LZM0002DeferStartupWorkFixer"/>), and the <c>using</c> stays
/// where it was, now over a disposal guard of the runtime (<c>LazyValue.DisposalGuard()</c>):
/// <code>
/// using var sessionGuard = s_session.DisposalGuard();   // or: using (s_session.DisposalGuard()) { .. }
/// </code>
/// so the object is disposed at the same point as before if it was created, and is never created
/// just to be disposed. Only with a runtime that has the guard: <c>Lazy&lt;object&gt;</c> has none, and
/// a hand-written one would be more code than the fix saves.
/// </summary>
internal static class LZM0002UsingDeferral
{
    /// <summary>Marks the guard declaration the local deferral leaves where the using declaration was.</summary>
    private static readonly SyntaxAnnotation s_guard = new("LazyMigrate.UsingGuard");

    private static readonly SyntaxAnnotation s_scope = new("LazyMigrate.UsingScope");

    private static readonly SyntaxAnnotation s_target = new("LazyMigrate.UsingTarget");

    /// <summary>The local deferral, told to leave a disposal guard in place of the using declaration.</summary>
    internal delegate Task<Document?> ConvertLocal(Document document, LocalDeclarationStatementSyntax declaration, SyntaxNode target, CancellationToken cancellationToken);

    /// <summary>True when <paramref name="target"/> is the value of a using declaration or a using statement's declaration.</summary>
    public static bool IsUsingValue(SyntaxNode target) => target.FirstAncestorOrSelf<StatementSyntax>() switch
    {
        LocalDeclarationStatementSyntax declaration => declaration.UsingKeyword != default,
        UsingStatementSyntax statement => statement.Declaration is { } declaration && declaration.Span.Contains(target.Span),
        _ => false,
    };

    public static async Task<Document?> TryApplyAsync(Document document, SyntaxNode target, ConvertLocal convert, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null || !HasGuard(model.Compilation))
        {
            return null;
        }

        switch (target.FirstAncestorOrSelf<StatementSyntax>())
        {
            case LocalDeclarationStatementSyntax { AwaitKeyword.RawKind: 0 } declaration
                when declaration.Declaration.Variables.Count == 1 && IsDisposableClass(model, declaration.Declaration.Variables[0], cancellationToken):
                return await convert(document, declaration, target, cancellationToken).ConfigureAwait(false);
            case UsingStatementSyntax { AwaitKeyword.RawKind: 0, Declaration.Variables: { Count: 1 } variables } statement
                when IsDisposableClass(model, variables[0], cancellationToken):
                return await ConvertStatementAsync(document, statement, target, convert, cancellationToken).ConfigureAwait(false);
            default:
                return null;
        }
    }

    /// <summary>
    /// The statement left where the using declaration was: <c>using var sessionGuard = s_session.DisposalGuard();</c>,
    /// with the declaration's blank lines and indentation (its comments went to the property with the value).
    /// </summary>
    public static StatementSyntax GuardStatement(MemberNames names, string localName, string proxyName, SyntaxTriviaList leading, SyntaxTriviaList trailing)
    {
        var guardName = names.Pick(NameKind.Local, isStatic: false, localName + "Guard", localName + "DisposalGuard");
        return Generated.Statement($"using var {guardName} = {proxyName}.DisposalGuard();")
            .WithLeadingTrivia(leading)
            .WithTrailingTrivia(trailing)
            .WithAdditionalAnnotations(s_guard);
    }

    /// <summary>The leading trivia of the declaration without the comments that moved to the generated property.</summary>
    public static SyntaxTriviaList WithoutComments(SyntaxTriviaList leading)
    {
        if (!leading.Any(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia)
            || t.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || t.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia)))
        {
            return leading;
        }

        // Blank lines above the comments stay; then the indentation the declaration had.
        var blankLines = leading.TakeWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia) || t.IsKind(SyntaxKind.EndOfLineTrivia))
            .Where(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        return SyntaxFactory.TriviaList(blankLines.Concat(Indentation(leading)));
    }

    /// <summary>The whitespace before the first token of a statement (the last trivia of its leading trivia).</summary>
    public static SyntaxTriviaList Indentation(SyntaxTriviaList leading)
        => leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia)
            ? SyntaxFactory.TriviaList(leading[leading.Count - 1])
            : default;

    /// <summary>The first line ending in <paramref name="statement"/>, as the file writes it.</summary>
    public static SyntaxTrivia LineEnd(SyntaxNode statement)
        => statement.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { RawKind: not 0 } end
            ? end
            : SyntaxFactory.ElasticCarriageReturnLineFeed;

    /// <summary>The runtime's <c>LazyValue.DisposalGuard()</c> is there (older runtimes lack it).</summary>
    private static bool HasGuard(Compilation compilation)
        => RuntimeSymbols.HasRuntime(compilation)
            && compilation.GetTypeByMetadataName(RuntimeSymbols.LazyValueMetadataName)?.GetMembers("DisposalGuard").OfType<IMethodSymbol>().Any(m => m.Parameters.IsEmpty) == true;

    /// <summary>
    /// A class (or interface) disposed through <see cref="System.IDisposable"/>: the guard disposes the value through
    /// that interface. A struct would be copied into the proxy, and a ref struct's pattern-based <c>Dispose</c> cannot be lazy.
    /// </summary>
    private static bool IsDisposableClass(SemanticModel model, VariableDeclaratorSyntax variable, CancellationToken cancellationToken)
        => model.GetDeclaredSymbol(variable, cancellationToken) is ILocalSymbol { Type: { IsReferenceType: true } type }
            && type.TypeKind is TypeKind.Class or TypeKind.Interface
            && (type.SpecialType == SpecialType.System_IDisposable || type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_IDisposable));

    /// <summary>
    /// <c>using (var x = new Heavy()) body</c> is <c>{ using var x = new Heavy(); body }</c>: deferred in that
    /// form, then put back as <c>using (s_x.DisposalGuard()) body</c>.
    /// </summary>
    private static async Task<Document?> ConvertStatementAsync(Document document, UsingStatementSyntax statement, SyntaxNode target, ConvertLocal convert, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || statement.Declaration is null || statement.GetLeadingTrivia().Any(t => t.IsDirective))
        {
            return null;
        }

        var marked = root.ReplaceNode(target, target.WithAdditionalAnnotations(s_target));
        var markedStatement = (UsingStatementSyntax)marked.GetAnnotatedNodes(s_target).First().FirstAncestorOrSelf<UsingStatementSyntax>()!;
        var declaration = SyntaxFactory.LocalDeclarationStatement(markedStatement.Declaration!.WithoutTrivia())
            .WithUsingKeyword(SyntaxFactory.Token(SyntaxKind.UsingKeyword).WithTrailingTrivia(SyntaxFactory.Space))
            .WithLeadingTrivia(markedStatement.GetLeadingTrivia())
            .WithTrailingTrivia(LineEnd(markedStatement));
        var scope = SyntaxFactory.Block(declaration, markedStatement.Statement).WithAdditionalAnnotations(s_scope);
        var scoped = document.WithSyntaxRoot(marked.ReplaceNode(markedStatement, scope));

        var scopedRoot = await scoped.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var scopedTarget = scopedRoot?.GetAnnotatedNodes(s_target).FirstOrDefault();
        if (scopedTarget?.FirstAncestorOrSelf<LocalDeclarationStatementSyntax>() is not { } scopedDeclaration)
        {
            return null;
        }

        var converted = await convert(scoped, scopedDeclaration, scopedTarget, cancellationToken).ConfigureAwait(false);
        var convertedRoot = converted is null ? null : await converted.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (convertedRoot?.GetAnnotatedNodes(s_scope).FirstOrDefault() is not BlockSyntax convertedScope
            || convertedScope.Statements.FirstOrDefault(s => s.HasAnnotation(s_guard)) is not LocalDeclarationStatementSyntax guard
            || guard.Declaration.Variables[0].Initializer is not { } guardValue)
        {
            return null;
        }

        // Statements before the guard (the proxy's creation, when the value reads locals) go before the using.
        var index = convertedScope.Statements.IndexOf(guard);
        var before = convertedScope.Statements.Take(index).ToList();
        var body = convertedScope.Statements.Skip(index + 1).ToList();
        var restored = statement
            .WithDeclaration(null)
            .WithExpression(guardValue.Value.WithoutTrivia())
            .WithStatement(body.Count == 1 ? body[0] : SyntaxFactory.Block(body))
            .WithLeadingTrivia(guard.GetLeadingTrivia());
        var replacement = before.Append(restored).ToList();
        SyntaxNode replaced = convertedScope;
        IEnumerable<SyntaxNode> replacements = replacement;
        if (convertedScope.Parent is GlobalStatementSyntax global)
        {
            replaced = global;
            replacements = replacement.Select(s => SyntaxFactory.GlobalStatement(s));
        }

        return converted!.WithSyntaxRoot(convertedRoot.ReplaceNode(replaced, replacements));
    }
}
