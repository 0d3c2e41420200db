using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LazyMigrate.Cli.Tests.Infrastructure;

/// <summary>
/// Deliberately wrong fixes for LZM0001, injected through the CLI's catalog seam. Both rename the
/// flagged static field without updating its callers. With <c>keepInitializer: false</c> the heavy
/// initializer becomes <c>null!</c>, so the diagnostic goes away but the project no longer compiles
/// (the CLI must abort before writing). With <c>keepInitializer: true</c> the diagnostic comes back
/// on every pass (the CLI must stop at its iteration cap).
/// </summary>
public sealed class BreakingRenameFixProvider : CodeFixProvider
{
    private readonly bool _keepInitializer;

    public BreakingRenameFixProvider(bool keepInitializer) => _keepInitializer = keepInitializer;

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("LZM0001");

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken);
        var variable = root!.FindNode(context.Span).AncestorsAndSelf().OfType<VariableDeclaratorSyntax>().FirstOrDefault();
        if (variable is null)
        {
            return;
        }

        var renamed = variable.WithIdentifier(SyntaxFactory.Identifier(variable.Identifier.Text + "Renamed"));
        if (!_keepInitializer)
        {
            renamed = renamed.WithInitializer(SyntaxFactory.EqualsValueClause(SyntaxFactory.ParseExpression("null!")));
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                "Rename without updating callers",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(variable, renamed))),
                equivalenceKey: nameof(BreakingRenameFixProvider)),
            context.Diagnostics);
    }
}
