using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate.Analyzers;
using LazyMigrate.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LazyMigrate.CodeFixes.Rules;

/// <summary>LZM0005's rewrite: the statement naming the heavy type moves out of the startup method.</summary>
internal static class LZM0005HeavyStatementFixes
{
    public static Task<Document?> ExtractAsync(Document document, SyntaxNode target, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        // A registration runs during startup wherever it is written: moving it would defer nothing.
        var statement = target.FirstAncestorOrSelf<StatementSyntax>();
        if (statement is null || statement is BlockSyntax
            || diagnostic.Properties.TryGetValue(DiagnosticProperties.Kind, out var kind) && kind == DiagnosticProperties.KindRegistration)
        {
            return Task.FromResult<Document?>(null);
        }

        diagnostic.Properties.TryGetValue(DiagnosticProperties.HeavyType, out var heavyType);
        var baseName = BaseName(heavyType);
        if (LZM0005StatementRun.Siblings(statement) is { } siblings)
        {
            return ExtractRunOrStatementAsync(document, statement, siblings, target, baseName, heavyType, cancellationToken);
        }

        return ExtractOneAsync(document, statement, target, baseName, heavyType, cancellationToken);
    }

    /// <summary>
    /// Another fix's follow-up: the statements holding a node marked <paramref name="marker"/> that LZM0005 now
    /// reports (LZM0002's lazy member read after the ready cut names its heavy type) move out the way LZM0005's
    /// fix moves them, so one <c>dotnet format</c> run (which computes diagnostics once) ends where a second run
    /// would. The findings come from LZM0005's analyzer itself, on the document as it is after each move.
    /// Statements LZM0005's fix cannot move stay as they are.
    /// </summary>
    public static async Task<Document> ExtractReportedAsync(Document document, SyntaxAnnotation marker, CancellationToken cancellationToken)
    {
        var refused = new HashSet<Microsoft.CodeAnalysis.Text.TextSpan>();

        // Each step moves a marked statement out of the startup method or refuses one finding; the bound only guards against a fix that does neither.
        for (var step = 0; step < 256; step++)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var marked = root?.GetAnnotatedNodes(marker).ToList();
            if (marked is null || marked.Count == 0)
            {
                return document;
            }

            var next = (await FindingsAsync(document, cancellationToken).ConfigureAwait(false))
                .FirstOrDefault(f => !refused.Contains(f.Diagnostic.Location.SourceSpan) && marked.Any(m => f.Statement.Span.Contains(m.Span)));
            if (next.Diagnostic is null)
            {
                return document;
            }

            Document? moved;
            try
            {
                moved = await ExtractAsync(document, next.Target, next.Diagnostic, cancellationToken).ConfigureAwait(false);
            }
            catch (FixSkippedException)
            {
                moved = null;
            }

            if (moved is null)
            {
                // The document is unchanged, so the finding keeps its place: it is not tried again.
                refused.Add(next.Diagnostic.Location.SourceSpan);
                continue;
            }

            document = moved;
            refused.Clear();
        }

        return document;
    }

    /// <summary>The statements of <paramref name="document"/> LZM0005 reports (each the innermost statement around a finding).</summary>
    public static async Task<IReadOnlyList<StatementSyntax>> ReportedStatementsAsync(Document document, CancellationToken cancellationToken)
        => (await FindingsAsync(document, cancellationToken).ConfigureAwait(false)).Select(f => f.Statement).ToList();

    /// <summary>LZM0005's findings in <paramref name="document"/>, in order, from its analyzer, with their nodes and statements.</summary>
    private static async Task<List<(Diagnostic Diagnostic, SyntaxNode Target, StatementSyntax Statement)>> FindingsAsync(Document document, CancellationToken cancellationToken)
    {
        var result = new List<(Diagnostic Diagnostic, SyntaxNode Target, StatementSyntax Statement)>();
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return result;
        }

        var analyzers = ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new LazyMigrate.Analyzers.Rules.LZM0005HeavyTypeNamedInStartupMethodAnalyzer());
        var withAnalyzer = Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzerExtensions.WithAnalyzers(model.Compilation, analyzers, document.Project.AnalyzerOptions);
        var found = await withAnalyzer.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, cancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in found.Where(d => d.Id == RuleIds.HeavyTypeNamedInStartupMethod && d.Location.SourceTree == root.SyntaxTree).OrderBy(d => d.Location.SourceSpan.Start))
        {
            var target = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (target.FirstAncestorOrSelf<StatementSyntax>() is { } statement)
            {
                result.Add((diagnostic, target, statement));
            }
        }

        return result;
    }

    private static async Task<Document?> ExtractRunOrStatementAsync(Document document, StatementSyntax statement, System.Collections.Generic.IReadOnlyList<StatementSyntax> siblings, SyntaxNode target, string baseName, string? heavyType, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var environment = model is null ? null : LazyMigrate.Analyzers.Infrastructure.LazyMigrateEnvironment.TryCreate(model.Compilation, document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider);
        if (model is not null && environment is not null)
        {
            var resolver = environment.ResolverFor(statement.SyntaxTree);

            // Under Fix All, a later diagnostic of a run already moved now sits in the generated method.
            var owner = statement.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or CompilationUnitSyntax);
            var body = owner is null ? null : LazyMigrate.Analyzers.Infrastructure.StartupPathClassifier.Classify(owner, model, resolver.Options, cancellationToken);
            if (body is null)
            {
                return null;
            }

            var run = LZM0005StatementRun.Find(statement, siblings, model, resolver, cancellationToken);

            // Heavy work before the ready point is LZM0002's to defer; moved into a method first, it would
            // still run before ready, and LZM0002's fix (applied after this one by dotnet format) could not find it.
            var beforeReady = body.Units().Where(u => u.BeforeCut).Select(u => u.Unit).ToList();
            if ((run.Count > 1 ? run : new List<StatementSyntax> { statement }).Any(s => beforeReady.Any(u => u.Span.Contains(s.Span))
                && LazyMigrate.Analyzers.Infrastructure.HeavyExpressions.FindOutermost(s, model, resolver, cancellationToken) is not null))
            {
                throw new FixSkippedException("these statements do heavy work before the ready point, which LZM0002's fix defers; moved into a method first, the work would still run before ready");
            }

            if (run.Count > 1)
            {
                return await StatementExtractor.ExtractRunAsync(document, run, LZM0005StatementRun.Name(run, model, resolver, cancellationToken), cancellationToken).ConfigureAwait(false);
            }
        }

        return await ExtractOneAsync(document, statement, target, baseName, heavyType, cancellationToken).ConfigureAwait(false);
    }

    private static Task<Document?> ExtractOneAsync(Document document, StatementSyntax statement, SyntaxNode target, string baseName, string? heavyType, CancellationToken cancellationToken)
    {
        if (statement is LocalDeclarationStatementSyntax declaration)
        {
            var initializer = declaration.Declaration.Variables.Count == 1 ? declaration.Declaration.Variables[0].Initializer : null;
            if (initializer is null || !initializer.Value.Span.Contains(target.Span))
            {
                return Task.FromResult<Document?>(null);
            }

            // "Compute" + the heavy type, else + the local's name ("ComputeCount"), else both.
            var local = Names.Pascal(declaration.Declaration.Variables[0].Identifier.ValueText);
            return StatementExtractor.ExtractInitializerAsync(
                document, declaration, new[] { "Compute" + baseName, "Compute" + local, "Compute" + baseName + "For" + local }, heavyType, cancellationToken);
        }

        return StatementExtractor.ExtractStatementAsync(document, statement, StatementNames(statement, baseName), cancellationToken);
    }

    /// <summary>
    /// Method names for a moved statement, first free wins: "Use" + the heavy type; else the verb
    /// of the method the statement calls + the type (<c>db.Database.Migrate()</c> → "MigrateAppDbContext");
    /// else "Use" + the type + "In" + the enclosing member ("UseAppDbContextInConfigure").
    /// </summary>
    private static string[] StatementNames(StatementSyntax statement, string baseName)
    {
        var names = new List<string> { "Use" + baseName };
        if (statement is ExpressionStatementSyntax { Expression: var expression })
        {
            var invoked = (expression as AwaitExpressionSyntax)?.Expression ?? expression;
            var called = invoked is InvocationExpressionSyntax invocation
                ? invocation.Expression switch
                {
                    MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                    SimpleNameSyntax name => name.Identifier.ValueText,
                    _ => null,
                }
                : null;
            var verb = called is null ? null : NamingStyle.Words(called).FirstOrDefault();
            if (verb is not null && char.IsLetter(verb[0]) && verb != "Use")
            {
                names.Add(Names.Pascal(verb) + baseName);
            }
        }

        var member = statement.Ancestors().OfType<MemberDeclarationSyntax>().FirstOrDefault() switch
        {
            MethodDeclarationSyntax method => method.Identifier.ValueText,
            ConstructorDeclarationSyntax => "Constructor",
            _ => null,
        };
        var localFunction = statement.Ancestors().OfType<LocalFunctionStatementSyntax>().FirstOrDefault()?.Identifier.ValueText;
        var where = localFunction ?? member ?? "Main";
        names.Add("Use" + baseName + "In" + Names.Pascal(where));
        return names.ToArray();
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
