using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

namespace LazyMigrate.CodeFixes.Rules;

/// <summary>
/// LZM0002 for a value whose only purpose is a singleton registration:
/// <code>
/// var formats = MagickNET.SupportedFormats;
/// var upload = new UploadFormats(formats.Any(..));
/// services.AddSingleton(upload);
/// </code>
/// becomes <c>services.AddSingleton(sp =&gt; CreateUpload());</c> with a non-inlined factory holding
/// every statement of the chain, so the startup method names none of the heavy types and the work
/// runs on first resolve. A chain is locals each used only in the next one's initializer, the last
/// used only as the instance argument of <c>AddSingleton</c>/<c>TryAddSingleton</c>. Only when the
/// code runs once, the initializers read nothing but the chain, do nothing visible besides the heavy
/// work (pure LINQ and record construction allowed), and the value is not disposable (the container
/// disposes factory-built singletons, never instances it was handed).
/// </summary>
internal static class LZM0002SingletonFactoryMove
{
    private const int MaxChain = 8;

    public static async Task<Document?> TryApplyAsync(
        Document document, SemanticModel model, LocalDeclarationStatementSyntax first, MemberHost host, string? heavyType, CancellationToken cancellationToken)
    {
        var container = first.Parent is GlobalStatementSyntax global ? global.Parent : first.Parent;
        if (container is null)
        {
            return null;
        }

        var chain = new List<(LocalDeclarationStatementSyntax Declaration, ILocalSymbol Local)>();
        ArgumentSyntax? registrationArgument = null;
        var current = first;
        while (registrationArgument is null)
        {
            if (chain.Count == MaxChain || !IsSimpleLocal(current, model, cancellationToken, out var local) || ContainerOf(current) != container)
            {
                return null;
            }

            chain.Add((current, local));
            var uses = Uses(host, local, model, cancellationToken);
            if (uses.Count == 0 || uses.Any(Usage.IsWriteOrReference))
            {
                return null;
            }

            if (uses.Count == 1 && RegistrationArgument(uses[0], container, model, cancellationToken) is { } argument)
            {
                registrationArgument = argument;
                break;
            }

            // Every use sits in the initializer of one later local: that local joins the chain.
            var next = uses.Select(u => u.FirstAncestorOrSelf<LocalDeclarationStatementSyntax>()).Distinct().ToList();
            if (next.Count != 1 || next[0] is not { } following || following.SpanStart <= current.SpanStart
                || !uses.All(u => following.Declaration.Variables.Count == 1 && following.Declaration.Variables[0].Initializer?.Value.Span.Contains(u.Span) == true))
            {
                return null;
            }

            current = following;
        }

        var chainLocals = chain.Select(c => (ISymbol)c.Local).ToList();
        foreach (var (declaration, local) in chain)
        {
            var value = declaration.Declaration.Variables[0].Initializer!.Value;
            var flow = model.AnalyzeDataFlow(value);
            if (flow is null || !flow.Succeeded || flow.WrittenInside.Except(flow.VariablesDeclared, SymbolEqualityComparer.Default).Any()
                || !flow.DataFlowsIn.All(s => chainLocals.Contains(s, SymbolEqualityComparer.Default))
                || value.DescendantNodesAndSelf().Any(n => n is AwaitExpressionSyntax)
                || !OnlyHeavyOrPureWork(model.GetOperation(value, cancellationToken), heavyType, local.Type))
            {
                return null;
            }
        }

        var result = chain[chain.Count - 1];
        if (IsDisposable(result.Local.Type))
        {
            return null;
        }

        return await RewriteAsync(document, model, host, chain, registrationArgument, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Document?> RewriteAsync(
        Document document, SemanticModel model, MemberHost host, List<(LocalDeclarationStatementSyntax Declaration, ILocalSymbol Local)> chain,
        ArgumentSyntax registrationArgument, CancellationToken cancellationToken)
    {
        var invocation = (InvocationExpressionSyntax)registrationArgument.Parent!.Parent!;
        if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method)
        {
            return null;
        }

        var result = chain[chain.Count - 1];
        var stem = Names.Pascal(result.Local.Name);
        var factoryName = MemberNames.For(document, model.SyntaxTree, host.Type, Names.IdentifiersIn(host.Enclosing))
            .Pick(NameKind.Method, isStatic: true, "Create" + stem, "Build" + stem);

        // The lambda parameter must not shadow a variable in scope or the factory's name.
        var taken = new HashSet<string>(model.LookupSymbols(registrationArgument.SpanStart)
            .Where(s => s is ILocalSymbol or IParameterSymbol or IRangeVariableSymbol)
            .Select(s => s.Name)) { factoryName };
        var provider = MemberNames.For(document, model.SyntaxTree, null, taken).Reserve(new[] { "sp", "provider", "serviceProvider" });

        // The factory body: the chain's statements as written (with their comments), then the last value returned.
        var statements = chain.Take(chain.Count - 1).Select(c => (StatementSyntax)c.Declaration.WithLeadingTrivia(Comments(c.Declaration))).ToList();
        var last = result.Declaration;
        statements.Add(Generated.Fill(SyntaxFactory.ParseStatement($"return {Generated.Placeholder};"), last.Declaration.Variables[0].Initializer!.Value.WithoutTrivia())
            .WithLeadingTrivia(Comments(last))
            .WithTrailingTrivia(last.GetTrailingTrivia()));
        var returnType = Generated.Type(result.Local.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated)).ToFullString();
        var factory = Generated.Member($"{Generated.NoInliningAttribute} private static {returnType} {factoryName}() {{ }}");
        factory = ((MethodDeclarationSyntax)factory).WithBody(SyntaxFactory.Block(statements))
            .WithAdditionalAnnotations(Microsoft.CodeAnalysis.Formatting.Formatter.Annotation);

        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var lambda = SyntaxFactory.ParseExpression($"{provider} => {factoryName}()").WithTriviaFrom(registrationArgument.Expression);
        editor.ReplaceNode(registrationArgument.Expression, lambda);

        var removed = chain.Select(c => c.Declaration.Parent is GlobalStatementSyntax g ? (SyntaxNode)g : c.Declaration).ToList();
        foreach (var node in removed)
        {
            // Blank lines above a removed local stay where they were (on the next kept statement).
            var blankLines = node.GetLeadingTrivia().TakeWhile(t => t.IsKind(SyntaxKind.EndOfLineTrivia) || t.IsKind(SyntaxKind.WhitespaceTrivia))
                .Where(t => t.IsKind(SyntaxKind.EndOfLineTrivia)).ToList();
            var next = node.Parent?.ChildNodes().SkipWhile(n => n != node).Skip(1).FirstOrDefault(n => !removed.Contains(n));
            if (blankLines.Count > 0 && next is not null)
            {
                editor.ReplaceNode(next, (current, _) => current.WithLeadingTrivia(blankLines.Concat(current.GetLeadingTrivia())));
            }
        }

        foreach (var node in removed)
        {
            editor.RemoveNode(node, SyntaxRemoveOptions.KeepUnbalancedDirectives);
        }

        host.Add(editor, new[] { factory });
        var newDocument = editor.GetChangedDocument();

        // The registration must bind to the same method with the same service type.
        var newRoot = await newDocument.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var newModel = await newDocument.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var newInvocation = newRoot?.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .FirstOrDefault(i => i.ArgumentList.Arguments.Any(a => a.Expression is LambdaExpressionSyntax l && l.ToString().EndsWith(factoryName + "()", System.StringComparison.Ordinal)));
        if (newModel is null || newInvocation is null
            || newModel.GetSymbolInfo(newInvocation, cancellationToken).Symbol is not IMethodSymbol newMethod
            || newMethod.Name != method.Name
            || !method.TypeArguments.Select(t => t.ToDisplayString()).SequenceEqual(newMethod.TypeArguments.Select(t => t.ToDisplayString())))
        {
            return null;
        }

        return newDocument;
    }

    /// <summary>The comments above a statement, without the blank lines and indentation (the formatter re-indents).</summary>
    private static IEnumerable<SyntaxTrivia> Comments(StatementSyntax statement)
    {
        var trivia = statement.Parent is GlobalStatementSyntax g ? g.GetLeadingTrivia() : statement.GetLeadingTrivia();
        return trivia.SkipWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia) || t.IsKind(SyntaxKind.EndOfLineTrivia))
            .Where(t => !t.IsKind(SyntaxKind.WhitespaceTrivia));
    }

    private static SyntaxNode? ContainerOf(StatementSyntax statement)
        => statement.Parent is GlobalStatementSyntax global ? global.Parent : statement.Parent;

    private static bool IsSimpleLocal(LocalDeclarationStatementSyntax declaration, SemanticModel model, CancellationToken cancellationToken, out ILocalSymbol local)
    {
        local = null!;
        if (declaration.Declaration.Variables.Count != 1
            || declaration.Declaration.Variables[0].Initializer is null
            || declaration.UsingKeyword != default || declaration.AwaitKeyword != default || declaration.IsConst
            || declaration.Declaration.Type is RefTypeSyntax
            || declaration.GetLeadingTrivia().Any(t => t.IsDirective)
            || (declaration.Parent is GlobalStatementSyntax g && g.GetLeadingTrivia().Any(t => t.IsDirective))
            || model.GetDeclaredSymbol(declaration.Declaration.Variables[0], cancellationToken) is not ILocalSymbol symbol)
        {
            return false;
        }

        local = symbol;
        return true;
    }

    private static List<IdentifierNameSyntax> Uses(MemberHost host, ILocalSymbol local, SemanticModel model, CancellationToken cancellationToken)
        => host.Enclosing.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Where(n => n.Identifier.ValueText == local.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(n, cancellationToken).Symbol, local))
            .ToList();

    /// <summary>
    /// The use is the whole instance argument of <c>AddSingleton</c>/<c>TryAddSingleton</c> (not keyed), in a
    /// statement of the same body, outside any lambda or loop (a factory registered twice would build twice).
    /// </summary>
    private static ArgumentSyntax? RegistrationArgument(IdentifierNameSyntax use, SyntaxNode container, SemanticModel model, CancellationToken cancellationToken)
    {
        if (use.Parent is not ArgumentSyntax argument || argument.NameColon is not null || !argument.RefKindKeyword.IsKind(SyntaxKind.None)
            || argument.Parent?.Parent is not InvocationExpressionSyntax invocation
            || invocation.ArgumentList.Arguments.Last() != argument
            || model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method
            || method.Name is not ("AddSingleton" or "TryAddSingleton")
            || method.ContainingNamespace?.ToDisplayString() is not ("Microsoft.Extensions.DependencyInjection" or "Microsoft.Extensions.DependencyInjection.Extensions"))
        {
            return null;
        }

        var statement = invocation.FirstAncestorOrSelf<StatementSyntax>();
        if (statement is null || ContainerOf(statement) != container
            || invocation.Ancestors().TakeWhile(a => a != statement).Any(a => a is AnonymousFunctionExpressionSyntax))
        {
            return null;
        }

        return argument;
    }

    /// <summary>Disposable, or possibly so at run time (an interface, type parameter or unsealed class).</summary>
    private static bool IsDisposable(ITypeSymbol type)
        => type.AllInterfaces.Any(i => i.ToDisplayString() is "System.IDisposable" or "System.IAsyncDisposable")
            || type.TypeKind is TypeKind.Interface or TypeKind.TypeParameter
            || (type.TypeKind == TypeKind.Class && !type.IsSealed);

    /// <summary>Heavy work, the pure helpers LZM0002 allows, LINQ over the values, and positional record construction.</summary>
    private static bool OnlyHeavyOrPureWork(IOperation? operation, string? heavyType, ITypeSymbol localType)
    {
        // A method group could run any code; only lambdas (whose bodies are checked too) are allowed.
        if (operation is null || operation.DescendantsAndSelf().Any(o => o is IMethodReferenceOperation))
        {
            return false;
        }

        return LZM0002DeferStartupWorkFixer.OnlyHeavyWork(operation, heavyType, localType, IsPure);
    }

    private static bool IsPure(IMethodSymbol method)
    {
        var type = method.ContainingType;
        if (type.ToDisplayString() == "System.Linq.Enumerable")
        {
            return true;
        }

        // The primary constructor of a positional record only stores its arguments, when nothing else initializes.
        return method.MethodKind == MethodKind.Constructor && type.IsRecord
            && type.BaseType?.SpecialType == SpecialType.System_Object
            && method.DeclaringSyntaxReferences.Length == 1
            && method.DeclaringSyntaxReferences[0].GetSyntax() is RecordDeclarationSyntax record
            && !record.Members.Any(m => m is FieldDeclarationSyntax { Declaration.Variables: var v } && v.Any(x => x.Initializer is not null)
                || m is PropertyDeclarationSyntax { Initializer: not null });
    }
}
