using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate.Analyzers.Infrastructure;
using LazyMigrate.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LazyMigrate.CodeFixes.Rules;

/// <summary>
/// LZM0004, only in a web app configured with <c>lazymigrate.web_startup_work = before_first_request</c>:
/// the startup statement that resolves the heavy service for its effect (a scope that migrates the
/// database) runs once before the first request is served instead of before the server starts
/// (<see cref="FirstRequestGate"/>). Elsewhere there is no fix: where to resolve a service depends on
/// where it is first needed.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LZM0004FirstRequestGateFixer)), Shared]
public sealed class LZM0004FirstRequestGateFixer : LazyFixerBase
{
    /// <summary>The equivalence key of this fix (stable across releases).</summary>
    public const string Key = "LZM0004.BeforeFirstRequest";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(Analyzers.RuleIds.HeavyServiceResolvedAtStartup);

    /// <inheritdoc />
    protected internal override string EquivalenceKey => Key;

    /// <inheritdoc />
    protected override string GetTitle(bool runtime) => "Run before the first request instead of before the server starts";

    /// <inheritdoc />
    protected override string DescribeUnfixable(SyntaxNode target, Diagnostic diagnostic)
        => "where to resolve the service depends on where it is first needed: inject it there, resolve it lazily (Lazy<T> or a factory), " +
           "or warm it up in the background after the ready point; in a web app whose statement resolves it for its effect before the server starts " +
           $"(a schema migration), '{LazyMigrateOptions.WebStartupWorkKey} = {LazyMigrateOptions.BeforeFirstRequest}' lets the fix run it before the first request instead";

    internal override Task<Document?> ApplyAsync(Document document, SyntaxNode target, Diagnostic diagnostic, CancellationToken cancellationToken)
        => FirstRequestGate.IsEnabled(document)
            ? FirstRequestGate.TryApplyAsync(document, target, cancellationToken)
            : Task.FromResult<Document?>(null);
}
