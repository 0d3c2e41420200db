using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

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

    public static async Task<Document?> TryApplyAsync(Document document, SyntaxNode target, string? heavyType, ConvertLocal convert, CancellationToken cancellationToken)
    {
        var plain = convert;
        convert = (d, declaration, t, ct) => ConvertOrHoistAsync(d, declaration, t, heavyType, plain, ct);
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

    /// <summary>
    /// The deferral as is, or, when the heavy call's arguments call into the project
    /// (<c>new InferenceSession(SquareModel.Build(3))</c>), after those arguments moved into locals just
    /// before it: they still run where they ran, and the factory receives their values.
    /// </summary>
    private static async Task<Document?> ConvertOrHoistAsync(Document document, LocalDeclarationStatementSyntax declaration, SyntaxNode target, string? heavyType, ConvertLocal convert, CancellationToken cancellationToken)
    {
        if (await convert(document, declaration, target, cancellationToken).ConfigureAwait(false) is { } converted)
        {
            return converted;
        }

        var hoisted = await HoistArgumentsAsync(document, declaration, heavyType, cancellationToken).ConfigureAwait(false);
        if (hoisted is null)
        {
            return null;
        }

        var root = await hoisted.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var value = root?.GetAnnotatedNodes(s_target).FirstOrDefault();
        return value?.FirstAncestorOrSelf<LocalDeclarationStatementSyntax>() is { } moved
            ? await convert(hoisted, moved, value, cancellationToken).ConfigureAwait(false)
            : null;
    }

    /// <summary>
    /// <c>using var x = new Heavy(Project.Call(), "const");</c> becomes
    /// <c>var xArgument = Project.Call(); using var x = new Heavy(xArgument, "const");</c> when the arguments that
    /// are not heavy work do no heavy work at all, and every argument evaluated before them is a constant (so
    /// the order of evaluation stays the same). Null when nothing is to be moved.
    /// </summary>
    private static async Task<Document?> HoistArgumentsAsync(Document document, LocalDeclarationStatementSyntax declaration, string? heavyType, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (model is null || root is null
            || declaration.Declaration.Variables is not { Count: 1 } variables
            || variables[0].Initializer?.Value is not { } value
            || value is ObjectCreationExpressionSyntax { Initializer: not null }
            || declaration.GetLeadingTrivia().Any(t => t.IsDirective))
        {
            return null;
        }

        var (method, arguments) = model.GetOperation(value, cancellationToken) switch
        {
            IObjectCreationOperation creation => (creation.Constructor, creation.Arguments),
            IInvocationOperation { Instance: null } invocation => (invocation.TargetMethod, invocation.Arguments),
            _ => (null, default),
        };
        if (method?.ContainingType is not { } heavy || !StatementExtractor.IsHeavy(heavy, heavyType))
        {
            return null;
        }

        var explicitArguments = arguments
            .Where(a => a.ArgumentKind == ArgumentKind.Explicit && a.Syntax is ArgumentSyntax)
            .OrderBy(a => a.Syntax.SpanStart)
            .ToList();
        var moved = explicitArguments
            .Where(a => a.Value.Type is not null
                && !LZM0002DeferStartupWorkFixer.OnlyHeavyWork(a.Value, heavyType, a.Value.Type))
            .ToList();
        if (moved.Count == 0)
        {
            return null;
        }

        var last = explicitArguments.IndexOf(moved[moved.Count - 1]);
        var taken = Names.IdentifiersIn(root);
        var local = variables[0].Identifier.ValueText;
        var replacements = new Dictionary<SyntaxNode, string>();
        for (var i = 0; i <= last; i++)
        {
            var argument = explicitArguments[i];
            var syntax = (ArgumentSyntax)argument.Syntax;
            if (!moved.Contains(argument))
            {
                // Evaluated before a moved one: must not do anything a move could reorder.
                if (!argument.Value.ConstantValue.HasValue)
                {
                    return null;
                }

                continue;
            }

            if (syntax.RefKindKeyword != default
                || argument.Value.Type is not { IsRefLikeType: false, IsAnonymousType: false, TypeKind: not TypeKind.Error }
                || DoesHeavyWork(argument.Value, heavyType)
                || syntax.Expression.DescendantNodesAndSelf().Any(n => n is AwaitExpressionSyntax or DeclarationExpressionSyntax or StackAllocArrayCreationExpressionSyntax))
            {
                return null;
            }

            var name = local + Names.Pascal(argument.Parameter?.Name ?? "argument");
            if (!taken.Add(name))
            {
                return null;
            }

            replacements.Add(syntax.Expression, name);
        }

        var lineEnd = LineEnd(declaration);
        var hoisted = replacements.Select(r => (StatementSyntax)SyntaxFactory.LocalDeclarationStatement(
                SyntaxFactory.VariableDeclaration(
                    SyntaxFactory.IdentifierName("var").WithTrailingTrivia(SyntaxFactory.Space),
                    SyntaxFactory.SingletonSeparatedList(SyntaxFactory.VariableDeclarator(r.Value).WithInitializer(
                        SyntaxFactory.EqualsValueClause(((ExpressionSyntax)r.Key).WithoutTrivia())
                            .WithEqualsToken(SyntaxFactory.Token(SyntaxKind.EqualsToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space))))))
                .WithLeadingTrivia(Indentation(declaration.GetLeadingTrivia()))
                .WithTrailingTrivia(lineEnd))
            .ToList();
        // The first moved argument takes the declaration's blank lines and comments; the declaration keeps its indentation.
        hoisted[0] = hoisted[0].WithLeadingTrivia(declaration.GetLeadingTrivia());
        var rewritten = declaration
            .ReplaceNodes(replacements.Keys, (original, _) => SyntaxFactory.IdentifierName(replacements[original]).WithTriviaFrom(original))
            .WithLeadingTrivia(Indentation(declaration.GetLeadingTrivia()));
        rewritten = rewritten.ReplaceNode(rewritten.Declaration.Variables[0].Initializer!.Value, rewritten.Declaration.Variables[0].Initializer!.Value.WithAdditionalAnnotations(s_target));
        var statements = hoisted.Append(rewritten).ToList();
        SyntaxNode newRoot = declaration.Parent is GlobalStatementSyntax global
            ? root.ReplaceNode(global, statements.Select(st => SyntaxFactory.GlobalStatement(st)))
            : declaration.Parent is BlockSyntax
                ? root.ReplaceNode(declaration, statements)
                : root;
        return newRoot == root ? null : document.WithSyntaxRoot(newRoot);
    }

    /// <summary>True when <paramref name="operation"/> calls or creates anything of the heavy package.</summary>
    private static bool DoesHeavyWork(IOperation operation, string? heavyType)
        => operation.DescendantsAndSelf().Any(o => o switch
        {
            IInvocationOperation invocation => StatementExtractor.IsHeavy(invocation.TargetMethod.ContainingType, heavyType),
            IObjectCreationOperation creation => creation.Type is { } type && StatementExtractor.IsHeavy(type, heavyType),
            IMemberReferenceOperation member => StatementExtractor.IsHeavy(member.Member.ContainingType, heavyType),
            _ => false,
        });

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
