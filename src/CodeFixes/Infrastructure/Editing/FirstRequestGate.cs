using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LazyMigrate.CodeFixes.Infrastructure;

/// <summary>
/// The opt-in rewrite (LZM0002, LZM0004) for a web app's startup statement that runs for its effect before
/// the server starts (<c>db.Database.Migrate()</c> in a scope, a seed): the statement moves into a task that
/// the first request starts and every request awaits, through a middleware added where the statement was.
/// <para>What stays: no request is handled before the work has finished, and it runs once. What
/// changes: the server listens without waiting for it, and a failure fails the requests (each one
/// rethrows it) instead of the start. That is why it is chosen in configuration
/// (<c>lazymigrate.web_startup_work = before_first_request</c>), not by default.</para>
/// <para>It applies to a statement of the top-level statements or of <c>Main</c> that declares nothing
/// used after it, leaves only by its end, comes after the <c>WebApplication</c> local is built and
/// before the server starts (<c>Run</c>, <c>RunAsync</c>, <c>StartAsync</c> on it), with no middleware
/// or endpoint added before it (those would serve requests before the gate).</para>
/// </summary>
internal static class FirstRequestGate
{
    private const string WebApplicationMetadataName = "Microsoft.AspNetCore.Builder.WebApplication";

    private static readonly HashSet<string> s_serverStarts = new() { "Run", "RunAsync", "StartAsync" };

    /// <summary>True when the project asks for this rewrite.</summary>
    public static bool IsEnabled(Document document)
        => LazyMigrateOptions.MovesWebStartupWork(
            document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider,
            document.TryGetSyntaxTree(out var tree) ? tree : null);

    /// <summary>The rewritten document, or null when the statement holding <paramref name="target"/> does not qualify.</summary>
    public static async Task<Document?> TryApplyAsync(Document document, SyntaxNode target, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (model is null || root is null || StartupStatements(target) is not { } statements)
        {
            return null;
        }

        var statement = statements.FirstOrDefault(s => s.Span.Contains(target.Span));
        if (statement is null || !RunsForItsEffect(statement, model))
        {
            return null;
        }

        var index = statements.IndexOf(statement);
        var app = WebApplicationBefore(statements, index, model, cancellationToken);
        if (app is null || !ServerStartsAfter(statements, index, app, model, cancellationToken))
        {
            return null;
        }

        var taken = Names.IdentifiersIn(root);
        taken.UnionWith(model.LookupSymbols(statement.SpanStart).Select(s => s.Name));
        var names = MemberNames.For(document, model.SyntaxTree, null, taken);
        var gate = names.Reserve(new[] { "beforeFirstRequest", "firstRequestWork" });
        var context = names.Reserve(new[] { "context", "httpContext" });
        var next = names.Reserve(new[] { "next", "nextMiddleware" });

        var indent = Indentation.Of(statement);
        var unit = await Indentation.UnitAsync(document, cancellationToken).ConfigureAwait(false);
        var eol = statement.GetTrailingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)).ToFullString() is { Length: > 0 } e ? e : "\n";
        var body = Indentation.Shift(statement.WithoutLeadingTrivia().WithoutTrailingTrivia(), indent, indent + unit).ToFullString();
        var isAsync = statement.DescendantNodesAndSelf(n => n is not AnonymousFunctionExpressionSyntax and not LocalFunctionStatementSyntax)
            .Any(n => n is AwaitExpressionSyntax || (n is UsingStatementSyntax u && u.AwaitKeyword != default) || (n is ForEachStatementSyntax f && f.AwaitKeyword != default));

        var work = SyntaxFactory.ParseStatement(
            $"var {gate} = new global::System.Lazy<global::System.Threading.Tasks.Task>(() => global::System.Threading.Tasks.Task.Run({(isAsync ? "async " : string.Empty)}() =>{eol}" +
            $"{indent}{{{eol}" +
            $"{indent}{unit}{body}{eol}" +
            $"{indent}}}));{eol}")
            .WithLeadingTrivia(statement.GetLeadingTrivia());
        var middleware = SyntaxFactory.ParseStatement(
            $"{indent}{app.Name}.Use(async ({context}, {next}) =>{eol}" +
            $"{indent}{{{eol}" +
            $"{indent}{unit}await {gate}.Value;{eol}" +
            $"{indent}{unit}await {next}({context});{eol}" +
            $"{indent}}});")
            .WithTrailingTrivia(statement.GetTrailingTrivia());

        var replacement = new[] { Generated.MarkForSimplification(work), Generated.MarkForSimplification(middleware) };
        var newRoot = statement.Parent is GlobalStatementSyntax global
            ? root.ReplaceNode(global, replacement.Select(s => (SyntaxNode)SyntaxFactory.GlobalStatement(s)))
            : root.ReplaceNode(statement, replacement);
        return document.WithSyntaxRoot(newRoot);
    }

    /// <summary>The statements of the top-level program or of a <c>Main</c> method holding <paramref name="target"/>, in order.</summary>
    private static List<StatementSyntax>? StartupStatements(SyntaxNode target)
    {
        if (target.FirstAncestorOrSelf<GlobalStatementSyntax>() is { Parent: CompilationUnitSyntax unit })
        {
            return unit.Members.OfType<GlobalStatementSyntax>().Select(g => g.Statement).ToList();
        }

        var main = target.FirstAncestorOrSelf<MethodDeclarationSyntax>();
        return main is { Identifier.ValueText: "Main", Body: { } body } && main.Modifiers.Any(SyntaxKind.StaticKeyword)
            && target.FirstAncestorOrSelf<AnonymousFunctionExpressionSyntax>() is null
            ? body.Statements.ToList()
            : null;
    }

    /// <summary>
    /// A statement kept whole: it declares nothing the code after it reads, writes no variable of the
    /// enclosing code, and control leaves it only at its end.
    /// </summary>
    private static bool RunsForItsEffect(StatementSyntax statement, SemanticModel model)
    {
        if (statement is LocalDeclarationStatementSyntax or LocalFunctionStatementSyntax or LabeledStatementSyntax
            or ReturnStatementSyntax or ThrowStatementSyntax or YieldStatementSyntax or GotoStatementSyntax
            || statement.GetLeadingTrivia().Any(t => t.IsDirective))
        {
            return false;
        }

        var control = model.AnalyzeControlFlow(statement);
        if (control is null || !control.Succeeded || !control.EndPointIsReachable || control.ExitPoints.Length > 0)
        {
            return false;
        }

        var data = model.AnalyzeDataFlow(statement);
        return data is { Succeeded: true }
            && data.DataFlowsOut.IsEmpty
            && data.WrittenInside.All(s => s.DeclaringSyntaxReferences.All(r => r.SyntaxTree == statement.SyntaxTree && statement.Span.Contains(r.Span)));
    }

    /// <summary>The <c>WebApplication</c> local declared before the statement, with no middleware or endpoint added to it in between.</summary>
    private static ILocalSymbol? WebApplicationBefore(List<StatementSyntax> statements, int index, SemanticModel model, CancellationToken cancellationToken)
    {
        var webApplication = model.Compilation.GetTypeByMetadataName(WebApplicationMetadataName);
        if (webApplication is null)
        {
            return null;
        }

        ILocalSymbol? app = null;
        for (var i = 0; i < index; i++)
        {
            if (statements[i] is LocalDeclarationStatementSyntax declaration)
            {
                foreach (var variable in declaration.Declaration.Variables)
                {
                    if (model.GetDeclaredSymbol(variable, cancellationToken) is ILocalSymbol local && SymbolEqualityComparer.Default.Equals(local.Type, webApplication))
                    {
                        app = local;
                    }
                }
            }
            else if (app is not null && CallsOn(statements[i], app, model, cancellationToken).Any(name => name.StartsWith("Use") || name.StartsWith("Map") || s_serverStarts.Contains(name)))
            {
                // Something added before this statement would serve requests without waiting for it.
                return null;
            }
        }

        return app;
    }

    private static bool ServerStartsAfter(List<StatementSyntax> statements, int index, ILocalSymbol app, SemanticModel model, CancellationToken cancellationToken)
        => statements.Skip(index + 1).Any(s => CallsOn(s, app, model, cancellationToken).Any(s_serverStarts.Contains));

    /// <summary>The names of the methods called on <paramref name="local"/> in <paramref name="statement"/> (extension methods included).</summary>
    private static IEnumerable<string> CallsOn(StatementSyntax statement, ILocalSymbol local, SemanticModel model, CancellationToken cancellationToken)
        => statement.DescendantNodesAndSelf()
            .OfType<InvocationExpressionSyntax>()
            .Where(i => i.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver } && receiver.Identifier.ValueText == local.Name
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(receiver, cancellationToken).Symbol, local))
            .Select(i => ((MemberAccessExpressionSyntax)i.Expression).Name.Identifier.ValueText);
}
