using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate.Analyzers.Infrastructure;
using LazyMigrate.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LazyMigrate.CodeFixes.Rules;

/// <summary>
/// The LZM0002 fix inside a <c>BackgroundService.ExecuteAsync</c>: the service's work starts with
/// <c>await LazyLoading.WhenReady(stoppingToken);</c>, so it runs once the app is ready instead of
/// during host start (before .NET 10 the part before the first <c>await</c> even blocks
/// <c>StartAsync</c>; since .NET 10 it competes with startup on the thread pool).
/// <para>This keeps the service's contract: a background service runs concurrently with the app,
/// so nothing may rely on it having done its work at any point; starting it a little later is
/// within that contract. It applies only when LazyMigrate.Runtime provides
/// <c>LazyLoading.WhenReady</c> and the project signals readiness (a call to
/// <c>LazyLoading.MarkReady()</c>, or <c>AddLazyLoading()</c> from LazyMigrate.AspNetCore):
/// without a ready signal the service would never start.</para>
/// </summary>
internal static class LZM0002BackgroundServiceStart
{
    private const string LazyLoadingMetadataName = "LazyMigrate.LazyLoading";

    /// <summary>Title of the code action for a diagnostic inside <c>ExecuteAsync</c>.</summary>
    public const string Title = "Start the background service once the app is ready";

    /// <summary>True when <paramref name="target"/> is inside a method named <c>ExecuteAsync</c> (the cheap pre-check).</summary>
    public static bool IsInExecuteAsync(SyntaxNode target)
        => target.FirstAncestorOrSelf<MethodDeclarationSyntax>() is { Identifier.ValueText: "ExecuteAsync" };

    /// <summary>The rewritten document, or null when the rewrite does not apply.</summary>
    public static async Task<Document?> TryApplyAsync(Document document, SyntaxNode target, CancellationToken cancellationToken)
    {
        if (target.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { Body: { } body } method
            || method.Identifier.ValueText != "ExecuteAsync"
            || !method.Modifiers.Any(SyntaxKind.AsyncKeyword)
            || method.ParameterList.Parameters.Count != 1
            || StartsWithWhenReady(body)
            || body.DescendantNodes().Any(n => n is YieldStatementSyntax))
        {
            // Another diagnostic of the same method already added the wait.
            return null;
        }

        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null
            || model.GetDeclaredSymbol(method, cancellationToken) is not { IsOverride: true, IsStatic: false } symbol
            || !DerivesFromBackgroundService(symbol.ContainingType)
            || symbol.Parameters[0].Type.ToDisplayString() != "System.Threading.CancellationToken"
            || !HasWhenReady(model.Compilation)
            || !await SignalsReadinessAsync(document.Project, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        if (method.Parent is not TypeDeclarationSyntax type)
        {
            return null;
        }

        // The original body moves into a helper called after the wait: the async state machine of
        // ExecuteAsync is JIT-compiled when the host starts it, and would load every heavy assembly
        // its body names (LZM0005); the helper's is compiled only once it runs, after ready.
        var token = method.ParameterList.Parameters[0].Identifier.Text; // keeps a verbatim "@" prefix
        var helperName = MemberNames.For(document, type.SyntaxTree, symbol.ContainingType)
            .Reserve(new[] { "ExecuteWhenReadyAsync", "RunWhenReadyAsync", "ExecuteAfterStartupAsync" });
        var helper = ((MethodDeclarationSyntax)Generated.Member(
                Generated.NoInliningAttribute
                + $"private async global::System.Threading.Tasks.Task {helperName}(global::System.Threading.CancellationToken {token})\n{{\n}}\n"))
            .WithBody(body);
        var wait = Generated.Statement($"await global::LazyMigrate.LazyLoading.WhenReady({token});\n")
            .WithLeadingTrivia(
                SyntaxFactory.Comment("// Runs once the app is ready: startup neither waits for nor competes with this work."),
                SyntaxFactory.ElasticCarriageReturnLineFeed);
        var call = Generated.Statement($"await {helperName}({token});\n");
        var newMethod = method.WithBody(body.WithStatements(SyntaxFactory.List(new[] { wait, call })));
        var newline = method.GetTrailingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { } eol && eol.IsKind(SyntaxKind.EndOfLineTrivia)
            ? eol
            : SyntaxFactory.EndOfLine("\n");
        helper = helper.WithLeadingTrivia(helper.GetLeadingTrivia().Insert(0, newline));
        var index = type.Members.IndexOf(method);
        var members = type.Members.Replace(method, newMethod).Insert(index + 1, helper);
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is null ? null : document.WithSyntaxRoot(root.ReplaceNode(type, type.WithMembers(members)));
    }

    private static bool StartsWithWhenReady(BlockSyntax body)
        => body.Statements.FirstOrDefault() is ExpressionStatementSyntax { Expression: AwaitExpressionSyntax { Expression: InvocationExpressionSyntax invocation } }
            && CodeUnits.InvokedName(invocation) == "WhenReady";

    private static bool DerivesFromBackgroundService(INamedTypeSymbol? type)
    {
        for (var current = type?.BaseType; current is not null; current = current.BaseType)
        {
            if (current.Name == "BackgroundService" && SymbolNames.IsInNamespace(current, "Microsoft.Extensions.Hosting"))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasWhenReady(Compilation compilation)
        => compilation.GetTypeByMetadataName(LazyLoadingMetadataName) is { } lazyLoading
            && compilation.IsSymbolAccessibleWithin(lazyLoading, compilation.Assembly)
            && lazyLoading.GetMembers("WhenReady").OfType<IMethodSymbol>().Any(m => m.IsStatic);

    /// <summary>True when some file of the project calls <c>LazyLoading.MarkReady()</c> or <c>AddLazyLoading(..)</c>.</summary>
    private static async Task<bool> SignalsReadinessAsync(Project project, CancellationToken cancellationToken)
    {
        foreach (var document in project.Documents)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var candidates = root?.DescendantNodes()
                .OfType<InvocationExpressionSyntax>()
                .Where(i => CodeUnits.InvokedName(i) is "MarkReady" or "AddLazyLoading")
                .ToList();
            if (candidates is not { Count: > 0 })
            {
                continue;
            }

            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (candidates.Any(i => model?.GetSymbolInfo(i, cancellationToken).Symbol is IMethodSymbol m
                && SymbolNames.Namespace(m).StartsWith("LazyMigrate", System.StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }
}
