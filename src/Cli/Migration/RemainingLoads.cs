using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate.Catalog;
using LazyMigrate.Cli.Analysis;
using LazyMigrate.Cli.Explaining;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LazyMigrate.Cli.Migration;

/// <summary>Why a heavy package still loads before ready after the migration, in one line for the report.</summary>
/// <param name="Package">The catalog package.</param>
/// <param name="Assemblies">Its assemblies loaded before ready.</param>
/// <param name="Kind">The short tag the table shows.</param>
/// <param name="Reason">What keeps it there and who can change that.</param>
public sealed record RemainingLoad(string Package, IReadOnlyList<string> Assemblies, string Kind, string Reason);

/// <summary>
/// Sorts what is still loaded before ready after <c>migrate</c> into what the user has to know: a load a DI
/// registration must name (the JIT of the method holding the registrations loads the service type's assembly;
/// no code of the package runs), a load whose diagnostic has no automatic fix (a decision left to the user, such
/// as LZM0004's schema migration before start), a load a fix was left for (the round cap), or a load no diagnostic
/// explains.
/// </summary>
public static class RemainingLoads
{
    /// <summary>Tag for a service type a registration names.</summary>
    public const string DiRegistration = "DI registration";

    /// <summary>Tag for a diagnostic without an automatic fix.</summary>
    public const string ByHand = "no automatic fix";

    /// <summary>Tag for a fixable load the migration stopped short of.</summary>
    public const string Fixable = "fixable";

    /// <summary>Tag for a load nothing explains.</summary>
    public const string Unexplained = "unexplained";

    private static readonly Regex s_registrationName = new("^(Try)?Add(Keyed)?(Singleton|Scoped|Transient)$", RegexOptions.CultureInvariant);

    /// <summary>One entry per package still loaded before ready in <paramref name="loads"/>.</summary>
    public static async Task<IReadOnlyList<RemainingLoad>> ExplainAsync(
        Solution solution,
        AnalyzerCatalog catalog,
        string? entryProject,
        IReadOnlyList<HeavyLoad> loads,
        string rootDirectory,
        bool capReached,
        CancellationToken cancellationToken)
    {
        if (loads.Count == 0)
        {
            return Array.Empty<RemainingLoad>();
        }

        var explanations = await LoadExplainer.ExplainAsync(solution, catalog, entryProject, loads, cancellationToken).ConfigureAwait(false);
        var result = new List<RemainingLoad>();
        foreach (var group in explanations.GroupBy(e => e.Load.Package, StringComparer.Ordinal))
        {
            var assemblies = group.SelectMany(e => e.Load.Assemblies).Distinct(StringComparer.Ordinal).ToList();
            var (kind, reason) = await VerdictAsync(solution, group.ToList(), rootDirectory, capReached, cancellationToken).ConfigureAwait(false);
            result.Add(new RemainingLoad(group.Key, assemblies, kind, reason));
        }

        return result;
    }

    /// <summary>The report's lines for <paramref name="remaining"/>.</summary>
    public static void Write(IReadOnlyList<RemainingLoad> remaining, TextWriter writer)
    {
        if (remaining.Count == 0)
        {
            return;
        }

        writer.WriteLine("Still loaded before ready after the migration, and why:");
        foreach (var load in remaining)
        {
            writer.WriteLine($"  {load.Package} [{string.Join(", ", load.Assemblies)}] ({load.Kind}): {load.Reason}");
        }
    }

    private static async Task<(string Kind, string Reason)> VerdictAsync(Solution solution, IReadOnlyList<LoadExplanation> explanations, string root, bool capReached, CancellationToken cancellationToken)
    {
        string Where(ExplainingDiagnostic d) => $"{d.Id} at {LoadFrame.RelativePath(root, d.File)}:{d.Line}";

        if (explanations.SelectMany(e => e.Fixes).FirstOrDefault() is { } fix)
        {
            return (Fixable, $"{Where(fix)} has a fix that was not applied" + (capReached
                ? ": the --max-iterations cap stopped the migration first"
                : ": its code fix declined this case (`lazymigrate fix --dry-run` says why)"));
        }

        // A registration naming the type explains a load the JIT makes, whether or not LZM0005 (a heavy type named in
        // the method, without a fix for a registration) reports it too; other rules' diagnostics say more.
        if (explanations.SelectMany(e => e.Diagnostics).All(d => d.Id == Analyzers.RuleIds.HeavyTypeNamedInStartupMethod))
        {
            foreach (var explanation in explanations)
            {
                if (await FindRegistrationAsync(solution, explanation.Load, root, cancellationToken).ConfigureAwait(false) is { } registration)
                {
                    return (DiRegistration, $"the registration at {registration} names the service type, so compiling the method that holds it loads the type's assembly (no code of the package runs); " +
                        "a registration of that type must name it (LZM0003's lazy_value_move fix removes the registration instead: docs/rules/LZM0003.md)");
                }
            }
        }

        if (explanations.SelectMany(e => e.Diagnostics).FirstOrDefault() is { } diagnostic)
        {
            var why = diagnostic.Id == Analyzers.RuleIds.HeavyServiceResolvedAtStartup
                ? "resolving the service and the work done with it (a schema migration, a warm-up) run before the app starts on purpose; moving them after start changes what the first requests see, so it is yours to decide " +
                    "(in a web app, `lazymigrate.web_startup_work = before_first_request` in .editorconfig opts into running it before the first request: docs/rules/LZM0004.md)"
                : "the rule has no code fix; change the code by hand";
            return (ByHand, $"{Where(diagnostic)} has no automatic fix: {why}");
        }

        return (Unexplained, "no LZM diagnostic lies on its call path (`lazymigrate profile` shows the stack)");
    }

    /// <summary>
    /// <c>File.cs:line (AddSingleton&lt;T&gt;)</c> for a DI registration in the load's innermost mapped user method (or
    /// the entry point) whose type arguments include a type of the load's package, or null.
    /// </summary>
    private static async Task<string?> FindRegistrationAsync(Solution solution, HeavyLoad load, string root, CancellationToken cancellationToken)
    {
        var bodies = new List<(Document Document, SyntaxNode Body)>();
        foreach (var frame in load.Frames.Where(f => f.Source is not null))
        {
            var id = solution.GetDocumentIdsWithFilePath(frame.Source!.File).FirstOrDefault();
            if (solution.GetDocument(id) is not { } document || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } syntax)
            {
                continue;
            }

            var text = syntax.SyntaxTree.GetText(cancellationToken);
            if (frame.Source.Line < 1 || frame.Source.Line > text.Lines.Count)
            {
                continue;
            }

            var node = syntax.FindToken(text.Lines[frame.Source.Line - 1].Start).Parent;
            SyntaxNode? body = node?.AncestorsAndSelf().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax)
                ?? (node?.AncestorsAndSelf().Any(a => a is GlobalStatementSyntax) == true ? syntax : null);
            if (body is not null)
            {
                bodies.Add((document, body));
                break;
            }
        }

        foreach (var (document, body) in bodies)
        {
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (model is null)
            {
                continue;
            }

            foreach (var invocation in body.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method
                    || !s_registrationName.IsMatch(method.Name)
                    || method.ContainingNamespace?.ToDisplayString().StartsWith("Microsoft.Extensions.DependencyInjection", StringComparison.Ordinal) != true)
                {
                    continue;
                }

                var named = method.TypeArguments.FirstOrDefault(t => t.ContainingAssembly is { } assembly
                    && string.Equals(HeavyPackageCatalog.FindByAssembly(assembly.Name)?.Name, load.Package, StringComparison.Ordinal));
                if (named is not null)
                {
                    var line = invocation.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                    return $"{LoadFrame.RelativePath(root, document.FilePath ?? string.Empty)}:{line} ({method.Name}<{named.Name}>)";
                }
            }
        }

        return null;
    }
}
