using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace LazyMigrate.CodeFixes.Infrastructure;

/// <summary>
/// Moves code that names a heavy type out of a startup method into a separate
/// <c>[MethodImpl(MethodImplOptions.NoInlining)]</c> method: the heavy assembly then loads when
/// that method is JIT-compiled (at the call), not when the startup method is. The code still runs
/// at the same point, so the order of side effects is unchanged. Locals the code reads are passed
/// as parameters, locals it assigns as <c>ref</c>/<c>out</c>. Returns null (no fix) for flow that
/// cannot be moved: return/yield/await/goto/break leaving the code, locals declared and used later,
/// generic enclosing methods, unsafe/checked contexts, anonymous types.
/// </summary>
internal static class StatementExtractor
{
    public static async Task<Document?> ExtractStatementAsync(Document document, StatementSyntax statement, IReadOnlyList<string> candidateNames, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null || !IsMovableStatement(statement))
        {
            return null;
        }

        var host = MemberHost.Find(model, statement, cancellationToken);
        if (host is null || !IsMovableContext(statement, host))
        {
            return null;
        }

        var control = model.AnalyzeControlFlow(statement);
        if (control is null || !control.Succeeded || control.ExitPoints.Length > 0 || control.ReturnStatements.Length > 0)
        {
            return null;
        }

        var flow = model.AnalyzeDataFlow(statement);
        if (flow is null || !flow.Succeeded)
        {
            return null;
        }

        // Locals declared inside must not be used after the statement.
        if (flow.VariablesDeclared.Any(v => flow.ReadOutside.Contains(v, SymbolEqualityComparer.Default) || flow.WrittenOutside.Contains(v, SymbolEqualityComparer.Default)))
        {
            return null;
        }

        var parameters = Parameters(new SyntaxNode[] { statement }, flow, model, cancellationToken, out var usesThis);
        if (parameters is null || (usesThis && (host.IsStaticContext || host.Type.IsValueType)))
        {
            return null;
        }

        var name = MemberNames.For(document, model.SyntaxTree, host.Type, Names.IdentifiersIn(host.Enclosing))
            .Pick(NameKind.Method, isStatic: !usesThis, candidateNames.ToArray());
        var parameterList = string.Join(", ", parameters.Select(p => Modifier(p.RefKind) + Generated.Type(p.Type).ToFullString() + " " + p.Name));
        var arguments = string.Join(", ", parameters.Select(p => Modifier(p.RefKind) + p.Name));
        var staticModifier = usesThis ? string.Empty : "static ";
        // The statement's lines move as a block to the new method's indentation (the host type's
        // members are one level in from the type; a block is the body itself, a statement one level further in).
        var unit = await Indentation.UnitAsync(document, cancellationToken).ConfigureAwait(false);
        var typeIndentation = host.IsTopLevel && host.Enclosing is CompilationUnitSyntax
            ? string.Empty
            : Indentation.Of(host.Enclosing.Parent ?? host.Enclosing);
        var memberIndentation = host.IsTopLevel ? unit : typeIndentation + unit;
        // The first line is put in place too: the formatter then leaves the lines after it where they are.
        var indentation = statement is BlockSyntax ? memberIndentation : memberIndentation + unit;
        var newLine = statement.SyntaxTree.GetRoot(cancellationToken).DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        newLine = newLine.IsKind(SyntaxKind.EndOfLineTrivia) ? newLine : SyntaxFactory.ElasticCarriageReturnLineFeed;
        var moved = Indentation.Shift(statement, Indentation.Of(statement), indentation)
            .WithLeadingTrivia(SyntaxFactory.Whitespace(indentation))
            .WithTrailingTrivia(newLine);
        var body = moved is BlockSyntax block
            ? block.WithoutTrivia()
            : SyntaxFactory.Block(moved).WithOpenBraceToken(SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(newLine));
        var method = Generated.Member($"{Generated.NoInliningAttribute} private {staticModifier}void {name}({parameterList}) {{ }}");
        method = ((MethodDeclarationSyntax)method).WithBody(body);

        var call = SyntaxFactory.ParseStatement($"{name}({arguments});").WithTriviaFrom(statement);
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        editor.ReplaceNode(statement, call);
        host.Add(editor, new[] { method });
        return editor.GetChangedDocument();
    }

    /// <summary>
    /// <c>T x = init;</c> → <c>T x = Name(args);</c> with <c>init</c> in a non-inlined method
    /// returning the (light) local type. The local's type must not be heavy.
    /// </summary>
    public static async Task<Document?> ExtractInitializerAsync(Document document, LocalDeclarationStatementSyntax declaration, IReadOnlyList<string> candidateNames, string? heavyType, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null || declaration.Declaration.Variables.Count != 1
            || declaration.Declaration.Variables[0].Initializer is not { } initializer
            || declaration.UsingKeyword != default || declaration.IsConst || declaration.Declaration.Type is RefTypeSyntax
            || model.GetDeclaredSymbol(declaration.Declaration.Variables[0], cancellationToken) is not ILocalSymbol local
            || initializer.Value.DescendantNodesAndSelf().Any(IsBlocked))
        {
            return null;
        }

        if (IsHeavy(local.Type, heavyType))
        {
            return null;
        }

        var host = MemberHost.Find(model, declaration, cancellationToken);
        if (host is null || !IsMovableContext(declaration, host))
        {
            return null;
        }

        var flow = model.AnalyzeDataFlow(initializer.Value);
        if (flow is null || !flow.Succeeded || !flow.WrittenInside.IsEmpty)
        {
            return null;
        }

        var parameters = Parameters(new SyntaxNode[] { initializer.Value }, flow, model, cancellationToken, out var usesThis);
        if (parameters is null || parameters.Any(p => p.RefKind != RefKind.None) || (usesThis && (host.IsStaticContext || host.Type.IsValueType)))
        {
            return null;
        }

        var returnType = declaration.Declaration.Type.IsVar
            ? Generated.Type(model.GetTypeInfo(initializer.Value, cancellationToken).Type ?? local.Type).ToFullString()
            : declaration.Declaration.Type.WithoutTrivia().ToString();
        var name = MemberNames.For(document, model.SyntaxTree, host.Type, Names.IdentifiersIn(host.Enclosing))
            .Pick(NameKind.Method, isStatic: !usesThis, candidateNames.ToArray());
        var parameterList = string.Join(", ", parameters.Select(p => Generated.Type(p.Type).ToFullString() + " " + p.Name));
        var arguments = string.Join(", ", parameters.Select(p => p.Name));
        var staticModifier = usesThis ? string.Empty : "static ";
        var method = Generated.Fill(
            Generated.Member($"{Generated.NoInliningAttribute} private {staticModifier}{returnType} {name}({parameterList}) => {Generated.Placeholder};"),
            initializer.Value.WithoutTrivia());
        var call = SyntaxFactory.ParseExpression($"{name}({arguments})").WithTriviaFrom(initializer.Value);

        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        editor.ReplaceNode(initializer.Value, call);
        host.Add(editor, new[] { method });
        return editor.GetChangedDocument();
    }

    /// <summary>
    /// Moves a run of neighbouring statements (same block, in order) into one non-inlined method. Locals
    /// the run reads become parameters, locals it assigns <c>ref</c>/<c>out</c>; one local declared by the
    /// run's last statement and used after it (of a light type) becomes the method's return value:
    /// <c>var x = Name(args);</c>. Refused like <see cref="ExtractStatementAsync"/> otherwise.
    /// </summary>
    public static async Task<Document?> ExtractRunAsync(Document document, IReadOnlyList<StatementSyntax> run, string name, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var first = run[0];
        var last = run[run.Count - 1];
        if (model is null || run.Any(s => s is LocalFunctionStatementSyntax or LabeledStatementSyntax || s.DescendantNodesAndSelf().Any(IsBlocked)))
        {
            return null;
        }

        var host = MemberHost.Find(model, first, cancellationToken);
        if (host is null || !IsMovableContext(first, host))
        {
            return null;
        }

        var control = model.AnalyzeControlFlow(first, last);
        var flow = model.AnalyzeDataFlow(first, last);
        if (control is null || !control.Succeeded || control.ExitPoints.Length > 0 || control.ReturnStatements.Length > 0 || flow is null || !flow.Succeeded)
        {
            return null;
        }

        var escaping = flow.VariablesDeclared
            .Where(v => flow.ReadOutside.Contains(v, SymbolEqualityComparer.Default) || flow.WrittenOutside.Contains(v, SymbolEqualityComparer.Default))
            .ToList();
        ILocalSymbol? returned = null;
        ExpressionSyntax? returnedValue = null;
        if (escaping.Count > 1)
        {
            return null;
        }

        if (escaping.Count == 1)
        {
            if (last is not LocalDeclarationStatementSyntax { UsingKeyword.RawKind: 0, IsConst: false } declaration
                || declaration.Declaration.Variables.Count != 1
                || declaration.Declaration.Variables[0].Initializer is not { } initializer
                || !SymbolEqualityComparer.Default.Equals(model.GetDeclaredSymbol(declaration.Declaration.Variables[0], cancellationToken), escaping[0])
                || escaping[0] is not ILocalSymbol local || local.IsRef || IsHeavy(local.Type, null))
            {
                return null;
            }

            returned = local;
            returnedValue = initializer.Value;
        }

        var parameters = Parameters(run.ToArray(), flow, model, cancellationToken, out var usesThis);
        if (parameters is null || (usesThis && (host.IsStaticContext || host.Type.IsValueType)))
        {
            return null;
        }

        var parameterList = string.Join(", ", parameters.Select(p => Modifier(p.RefKind) + Generated.Type(p.Type).ToFullString() + " " + p.Name));
        var arguments = string.Join(", ", parameters.Select(p => Modifier(p.RefKind) + p.Name));
        var staticModifier = usesThis ? string.Empty : "static ";
        // Each statement's lines move as a block to the new method's body indentation (see ExtractAsync),
        // so a lambda body the user indented keeps its place relative to its statement.
        var unit = await Indentation.UnitAsync(document, cancellationToken).ConfigureAwait(false);
        var typeIndentation = host.IsTopLevel && host.Enclosing is CompilationUnitSyntax
            ? string.Empty
            : Indentation.Of(host.Enclosing.Parent ?? host.Enclosing);
        var bodyIndentation = (host.IsTopLevel ? unit : typeIndentation + unit) + unit;
        var moved = new List<StatementSyntax>();
        for (var i = 0; i < run.Count; i++)
        {
            var statement = Indentation.Shift(run[i], Indentation.Of(run[i]), bodyIndentation);
            statement = i == 0
                ? statement.WithLeadingTrivia(SyntaxFactory.Whitespace(bodyIndentation))
                : statement.WithLeadingTrivia(Reindented(statement.GetLeadingTrivia(), bodyIndentation));

            if (i == run.Count - 1)
            {
                statement = returnedValue is not null
                    ? SyntaxFactory.ReturnStatement(returnedValue.WithoutTrivia()).WithLeadingTrivia(statement.GetLeadingTrivia())
                    : statement.WithoutTrailingTrivia();
            }

            moved.Add(statement);
        }

        var returnType = returned is null ? "void" : Generated.Type(returned.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated)).ToFullString();
        var method = Generated.Member($"{Generated.NoInliningAttribute} private {staticModifier}{returnType} {name}({parameterList}) {{ }}");
        var newLine = first.SyntaxTree.GetRoot(cancellationToken).DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        newLine = newLine.IsKind(SyntaxKind.EndOfLineTrivia) ? newLine : SyntaxFactory.ElasticCarriageReturnLineFeed;
        moved[moved.Count - 1] = moved[moved.Count - 1].WithTrailingTrivia(newLine);
        method = ((MethodDeclarationSyntax)method).WithBody(SyntaxFactory.Block(moved).WithOpenBraceToken(SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(newLine)));

        var callText = returned is null
            ? $"{name}({arguments});"
            : $"{((LocalDeclarationStatementSyntax)last).Declaration.Type.WithoutTrivia()} {returned.Name} = {name}({arguments});";
        var call = SyntaxFactory.ParseStatement(callText).WithLeadingTrivia(first.GetLeadingTrivia()).WithTrailingTrivia(last.GetTrailingTrivia());

        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        editor.ReplaceNode(first, call);
        foreach (var statement in run.Skip(1))
        {
            editor.RemoveNode(statement.Parent is GlobalStatementSyntax global ? global : statement, SyntaxRemoveOptions.KeepNoTrivia);
        }

        host.Add(editor, new[] { method });
        return editor.GetChangedDocument();
    }

    /// <summary>Leading trivia whose line indentation (before comments and the statement) is <paramref name="indentation"/>.</summary>
    private static SyntaxTriviaList Reindented(SyntaxTriviaList leading, string indentation)
    {
        var result = new List<SyntaxTrivia>();
        var atLineStart = true;
        foreach (var trivia in leading)
        {
            if (atLineStart && trivia.IsKind(SyntaxKind.WhitespaceTrivia))
            {
                result.Add(SyntaxFactory.Whitespace(indentation));
            }
            else
            {
                if (atLineStart && !trivia.IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    result.Add(SyntaxFactory.Whitespace(indentation));
                }

                result.Add(trivia);
            }

            atLineStart = trivia.IsKind(SyntaxKind.EndOfLineTrivia);
        }

        if (atLineStart)
        {
            result.Add(SyntaxFactory.Whitespace(indentation));
        }

        return SyntaxFactory.TriviaList(result);
    }

    public static bool IsHeavy(ITypeSymbol type, string? heavyType)
    {
        if (heavyType is not null && type.ToDisplayString().Contains(heavyType))
        {
            return true;
        }

        foreach (var part in Flatten(type))
        {
            var assembly = part.ContainingAssembly?.Name;
            if (assembly is not null && LazyMigrate.Catalog.HeavyPackageCatalog.FindByAssembly(assembly) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<ITypeSymbol> Flatten(ITypeSymbol type)
    {
        yield return type;
        if (type is IArrayTypeSymbol array)
        {
            foreach (var inner in Flatten(array.ElementType))
            {
                yield return inner;
            }
        }

        if (type is INamedTypeSymbol named)
        {
            foreach (var argument in named.TypeArguments)
            {
                foreach (var inner in Flatten(argument))
                {
                    yield return inner;
                }
            }
        }
    }

    private static string Modifier(RefKind kind) => kind switch
    {
        RefKind.Ref => "ref ",
        RefKind.Out => "out ",
        _ => string.Empty,
    };

    private static bool IsMovableStatement(StatementSyntax statement)
        => statement is not (LocalDeclarationStatementSyntax or LocalFunctionStatementSyntax or LabeledStatementSyntax)
            && statement.Parent is BlockSyntax or GlobalStatementSyntax or IfStatementSyntax or ElseClauseSyntax
                or WhileStatementSyntax or ForStatementSyntax or ForEachStatementSyntax or DoStatementSyntax or UsingStatementSyntax or LockStatementSyntax
            && !statement.DescendantNodesAndSelf().Any(IsBlocked);

    /// <summary>Constructs whose meaning depends on the method they sit in.</summary>
    private static bool IsBlocked(SyntaxNode node)
        => node is YieldStatementSyntax or StackAllocArrayCreationExpressionSyntax or ImplicitStackAllocArrayCreationExpressionSyntax
                or GotoStatementSyntax or LabeledStatementSyntax
            || (node is AwaitExpressionSyntax && !InsideNestedFunction(node))
            || (node is ForEachStatementSyntax forEach && forEach.AwaitKeyword != default && !InsideNestedFunction(node))
            || (node is UsingStatementSyntax usingStatement && usingStatement.AwaitKeyword != default && !InsideNestedFunction(node))
            || (node is LocalDeclarationStatementSyntax local && local.AwaitKeyword != default && !InsideNestedFunction(node));

    private static bool InsideNestedFunction(SyntaxNode node)
        => node.Ancestors().TakeWhile(a => a is not (MemberDeclarationSyntax or GlobalStatementSyntax))
            .Any(a => a is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax);

    private static bool IsMovableContext(SyntaxNode node, MemberHost host)
    {
        if (host.Method is { IsGenericMethod: true })
        {
            return false;
        }

        foreach (var ancestor in node.Ancestors())
        {
            if (ancestor is CheckedStatementSyntax or UnsafeStatementSyntax or FixedStatementSyntax)
            {
                return false;
            }

            if (ancestor is LocalFunctionStatementSyntax { TypeParameterList: not null })
            {
                return false;
            }

            if (ancestor is MemberDeclarationSyntax member && member.Modifiers.Any(SyntaxKind.UnsafeKeyword))
            {
                return false;
            }
        }

        return true;
    }

    private sealed class Parameter
    {
        public Parameter(string name, ITypeSymbol type, RefKind refKind, int position)
        {
            Name = name;
            Type = type;
            RefKind = refKind;
            Position = position;
        }

        public string Name { get; }

        public ITypeSymbol Type { get; }

        public RefKind RefKind { get; }

        public int Position { get; }
    }

    private static List<Parameter>? Parameters(IReadOnlyList<SyntaxNode> code, DataFlowAnalysis flow, SemanticModel model, CancellationToken cancellationToken, out bool usesThis)
    {
        usesThis = false;
        var result = new List<Parameter>();
        var used = flow.ReadInside.Concat(flow.WrittenInside)
            .Where(s => !flow.VariablesDeclared.Contains(s, SymbolEqualityComparer.Default))
            .Distinct(SymbolEqualityComparer.Default);
        foreach (var symbol in used)
        {
            ITypeSymbol type;
            switch (symbol)
            {
                case IParameterSymbol { IsThis: true }:
                    usesThis = true;
                    continue;
                case IParameterSymbol parameter:
                    type = parameter.Type;
                    break;
                case ILocalSymbol { IsRef: false, IsConst: false } local:
                    // "var" locals are declared nullable; their flow state is what the code relies on.
                    type = IsVar(local) ? local.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated) : local.Type;
                    break;
                default:
                    return null;
            }

            if (type.IsAnonymousType || type.TypeKind == TypeKind.Error || ContainsAnonymous(type))
            {
                return null;
            }

            var written = flow.WrittenInside.Contains(symbol, SymbolEqualityComparer.Default);
            var refKind = !written ? RefKind.None
                : flow.DataFlowsIn.Contains(symbol, SymbolEqualityComparer.Default) || !flow.AlwaysAssigned.Contains(symbol, SymbolEqualityComparer.Default) ? RefKind.Ref
                : RefKind.Out;
            if (refKind != RefKind.None && type.IsRefLikeType)
            {
                return null;
            }

            var position = code.SelectMany(c => c.DescendantNodes()).OfType<IdentifierNameSyntax>()
                .FirstOrDefault(n => n.Identifier.ValueText == symbol.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(n, cancellationToken).Symbol, symbol))
                ?.SpanStart ?? int.MaxValue;
            result.Add(new Parameter(SyntaxFacts.GetKeywordKind(symbol.Name) != SyntaxKind.None ? "@" + symbol.Name : symbol.Name, type, refKind, position));
        }

        result.Sort((a, b) => a.Position.CompareTo(b.Position));
        return result;
    }

    private static bool IsVar(ILocalSymbol local)
        => local.DeclaringSyntaxReferences.Length == 1
            && local.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Type.IsVar: true } };

    private static bool ContainsAnonymous(ITypeSymbol type) => Flatten(type).Any(t => t.IsAnonymousType);
}
