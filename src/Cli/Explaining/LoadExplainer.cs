using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate.Analyzers;
using LazyMigrate.Catalog;
using LazyMigrate.Cli.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace LazyMigrate.Cli.Explaining;

/// <summary>
/// Matches heavy loads to LZM diagnostics. Every rule runs at hidden severity at least (the project's
/// .editorconfig cannot switch one off here), then, frame by frame from the innermost user frame out, a
/// diagnostic of the load's package (or of no package) explains the load when it lies in the frame's method,
/// in a member the frame's statement uses, or in the static initialization of a type that statement touches.
/// A load with no user frame at all (the JIT compiling the entry point) is matched against the entry point the
/// same way. The first frame with a match wins: its diagnostics explain the load. When none of them has a fix,
/// the walk goes on outward through the callers' statements for the innermost one with a fixable diagnostic of
/// the same package, whose fix keeps the whole call off the startup path: that is the load's fix.
/// </summary>
public sealed class LoadExplainer
{
    private readonly Solution _solution;
    private readonly AnalyzerCatalog _catalog;
    private readonly string? _entryProjectFile;
    private readonly Dictionary<string, List<Diagnostic>> _diagnosticsByFile = new(StringComparer.Ordinal);
    private readonly Dictionary<Diagnostic, ProjectId> _projects = new();
    private readonly Dictionary<ExplainingDiagnostic, (ProjectId Project, Diagnostic Diagnostic)> _sources = new();

    private LoadExplainer(Solution solution, AnalyzerCatalog catalog, string? entryProjectFile)
    {
        _solution = solution;
        _catalog = catalog;
        _entryProjectFile = entryProjectFile;
    }

    private sealed record Region(string File, TextSpan Span, string Reason);

    /// <summary>Analyzes the solution and explains each load.</summary>
    public static async Task<IReadOnlyList<LoadExplanation>> ExplainAsync(
        Solution solution,
        AnalyzerCatalog catalog,
        string? entryProjectFile,
        IReadOnlyList<HeavyLoad> loads,
        CancellationToken cancellationToken)
        => (await ExplainWithSourcesAsync(solution, catalog, entryProjectFile, loads, cancellationToken).ConfigureAwait(false)).Explanations;

    /// <summary>
    /// As <see cref="ExplainAsync"/>, and the Roslyn diagnostic (with its project) behind each explaining diagnostic,
    /// for applying their fixes.
    /// </summary>
    public static async Task<(IReadOnlyList<LoadExplanation> Explanations, IReadOnlyDictionary<ExplainingDiagnostic, (ProjectId Project, Diagnostic Diagnostic)> Sources)> ExplainWithSourcesAsync(
        Solution solution,
        AnalyzerCatalog catalog,
        string? entryProjectFile,
        IReadOnlyList<HeavyLoad> loads,
        CancellationToken cancellationToken)
    {
        var explainer = new LoadExplainer(solution, catalog, entryProjectFile);
        await explainer.AnalyzeAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<LoadExplanation>();
        foreach (var load in loads)
        {
            result.Add(await explainer.ExplainLoadAsync(load, cancellationToken).ConfigureAwait(false));
        }

        return (result, explainer._sources);
    }

    private async Task AnalyzeAsync(CancellationToken cancellationToken)
    {
        var ids = _catalog.DiagnosticIds;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var project in _solution.Projects.Where(p => p.Language == LanguageNames.CSharp))
        {
            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            if (compilation is null)
            {
                continue;
            }

            // Hidden at least, whatever the .editorconfig says: a rule switched off still explains a load.
            var options = compilation.Options
                .WithSyntaxTreeOptionsProvider(null)
                .WithSpecificDiagnosticOptions(compilation.Options.SpecificDiagnosticOptions.SetItems(
                    ids.Select(id => new KeyValuePair<string, ReportDiagnostic>(id, ReportDiagnostic.Hidden))));
            var all = await AnalysisRunner.RunAsync(compilation.WithOptions(options), project, _catalog.Analyzers, cancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in all.Where(d => ids.Contains(d.Id) && d.Location.IsInSource))
            {
                var path = diagnostic.Location.SourceTree!.FilePath;
                var key = $"{diagnostic.Id}|{path}|{diagnostic.Location.SourceSpan.Start}|{diagnostic.GetMessage(CultureInfo.InvariantCulture)}";
                if (!seen.Add(key))
                {
                    continue;
                }

                if (!_diagnosticsByFile.TryGetValue(path, out var list))
                {
                    list = new List<Diagnostic>();
                    _diagnosticsByFile[path] = list;
                }

                list.Add(diagnostic);
                _projects[diagnostic] = project.Id;
            }
        }
    }

    private async Task<LoadExplanation> ExplainLoadAsync(HeavyLoad load, CancellationToken cancellationToken)
    {
        IReadOnlyList<ExplainingDiagnostic>? explaining = null;
        var mapped = false;
        for (var i = 0; i < load.Frames.Count; i++)
        {
            var frame = load.Frames[i];
            if (frame.Source is null || FindDocument(frame.Source.File) is not { } document)
            {
                continue;
            }

            mapped = true;
            if (explaining is null)
            {
                var matches = await MatchAsync(load, await FrameRegionsAsync(document, frame, cancellationToken).ConfigureAwait(false), i, cancellationToken).ConfigureAwait(false);
                if (matches.Count == 0)
                {
                    continue;
                }

                explaining = matches;
                if (matches.Any(d => d.Fixable))
                {
                    return new LoadExplanation(load, matches);
                }

                continue;
            }

            // The innermost explaining diagnostics have no fix: a caller's statement may have one that keeps the
            // whole call from running before ready (a field initializer that calls a factory).
            var outer = await MatchAsync(load, await CallerRegionsAsync(document, frame, cancellationToken).ConfigureAwait(false), i, cancellationToken).ConfigureAwait(false);
            var fixes = outer.Where(d => d.Fixable).ToList();
            if (fixes.Count > 0)
            {
                return new LoadExplanation(load, explaining, fixes);
            }
        }

        if (explaining is not null)
        {
            return new LoadExplanation(load, explaining);
        }

        if (mapped)
        {
            return new LoadExplanation(load, Array.Empty<ExplainingDiagnostic>());
        }

        // No user frame in our sources: the JIT compiling the entry point (or code it inlined) loaded it.
        return new LoadExplanation(load, await MatchAsync(load, await EntryPointRegionsAsync(cancellationToken).ConfigureAwait(false), -1, cancellationToken).ConfigureAwait(false));
    }

    private async Task<List<ExplainingDiagnostic>> MatchAsync(HeavyLoad load, IReadOnlyList<Region> regions, int frameIndex, CancellationToken cancellationToken)
    {
        var result = new List<ExplainingDiagnostic>();
        var taken = new HashSet<Diagnostic>();
        foreach (var region in regions)
        {
            if (!_diagnosticsByFile.TryGetValue(region.File, out var diagnostics))
            {
                continue;
            }

            foreach (var diagnostic in diagnostics.Where(d => region.Span.Contains(d.Location.SourceSpan.Start) && SamePackage(d, load)))
            {
                if (!taken.Add(diagnostic))
                {
                    continue;
                }

                var position = diagnostic.Location.GetLineSpan().StartLinePosition;
                diagnostic.Properties.TryGetValue(DiagnosticProperties.PackageName, out var package);
                var explaining = new ExplainingDiagnostic(
                    diagnostic.Id,
                    diagnostic.GetMessage(CultureInfo.InvariantCulture),
                    region.File,
                    position.Line + 1,
                    position.Character + 1,
                    string.IsNullOrWhiteSpace(package) ? null : package,
                    await FixableAsync(diagnostic, cancellationToken).ConfigureAwait(false),
                    frameIndex,
                    region.Reason);
                result.Add(explaining);
                _sources[explaining] = (_projects[diagnostic], diagnostic);
            }
        }

        return result.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column).ToList();
    }

    /// <summary>A diagnostic of no package matches any load; one naming a package must name the load's (or one of its assemblies).</summary>
    private static bool SamePackage(Diagnostic diagnostic, HeavyLoad load)
    {
        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.PackageName, out var package) || string.IsNullOrWhiteSpace(package))
        {
            return true;
        }

        return string.Equals(package, load.Package, StringComparison.OrdinalIgnoreCase)
            || load.Assemblies.Contains(package, StringComparer.OrdinalIgnoreCase)
            || string.Equals(HeavyPackageCatalog.FindByAssembly(package)?.Name, load.Package, StringComparison.Ordinal);
    }

    private async Task<bool> FixableAsync(Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var fixer = _catalog.FixerFor(diagnostic.Id);
        var document = diagnostic.Location.SourceTree is { } tree ? _solution.GetDocument(tree) : null;
        if (fixer is null || document is null)
        {
            return false;
        }

        var offered = false;
        try
        {
            await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (_, _) => offered = true, cancellationToken)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A fixer that throws offers nothing.
            return false;
        }

        return offered;
    }

    private async Task<List<Region>> FrameRegionsAsync(Document document, LoadFrame frame, CancellationToken cancellationToken)
    {
        var regions = new List<Region>();
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || document.FilePath is not { } path)
        {
            return regions;
        }

        var span = Span(text, frame.Source!);
        var member = root.FindToken(span.Start).Parent?.AncestorsAndSelf().OfType<MemberDeclarationSyntax>().FirstOrDefault();
        var where = frame.Describe(Path.GetDirectoryName(path)!);
        if (member is GlobalStatementSyntax && root is CompilationUnitSyntax unit)
        {
            // Top-level statements: the whole program body is the frame's method.
            regions.AddRange(unit.Members.OfType<GlobalStatementSyntax>().Select(g => new Region(path, g.Span, "in the top-level statements, the frame's method")));
        }
        else if (member is not null)
        {
            regions.Add(new Region(path, member.Span, $"in {frame.Method}, the frame's method"));
        }

        var containing = member is null ? null : model.GetDeclaredSymbol(member is FieldDeclarationSyntax field ? field.Declaration.Variables.First() : member, cancellationToken);
        var containingType = containing as INamedTypeSymbol ?? containing?.ContainingType;
        if (containingType is not null && (frame.Method.EndsWith("..cctor", StringComparison.Ordinal) || containing is { IsStatic: true } and (IFieldSymbol or IPropertySymbol)))
        {
            regions.AddRange(StaticInitialization(containingType, $"in the static initialization of {Name(containingType)}, the frame's method"));
        }

        var nodes = root.DescendantNodes(span).Where(n => span.Contains(n.Span));
        regions.AddRange(UsedBy(nodes, model, $"the statement at {where}", cancellationToken));
        return regions;
    }

    /// <summary>
    /// A caller's frame, looked at only for a fix: just its statement (the call that leads to the load), not the
    /// rest of its method, whose other statements did not cause the load.
    /// </summary>
    private static async Task<List<Region>> CallerRegionsAsync(Document document, LoadFrame frame, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        if (document.FilePath is not { } path)
        {
            return new List<Region>();
        }

        var where = frame.Describe(Path.GetDirectoryName(path)!);
        return new List<Region> { new(path, Span(text, frame.Source!), $"at the statement at {where}, a caller's frame, which leads to the load") };
    }

    private async Task<List<Region>> EntryPointRegionsAsync(CancellationToken cancellationToken)
    {
        var regions = new List<Region>();
        var projects = _solution.Projects.Where(p => p.Language == LanguageNames.CSharp)
            .OrderBy(p => string.Equals(p.FilePath, _entryProjectFile, StringComparison.Ordinal) ? 0 : 1).ToList();
        foreach (var project in projects)
        {
            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            if (compilation?.GetEntryPoint(cancellationToken) is not { } entry)
            {
                continue;
            }

            foreach (var reference in entry.DeclaringSyntaxReferences)
            {
                var syntax = await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false);
                var model = compilation.GetSemanticModel(reference.SyntaxTree);
                var path = reference.SyntaxTree.FilePath;
                if (syntax is CompilationUnitSyntax unit)
                {
                    var statements = unit.Members.OfType<GlobalStatementSyntax>().ToList();
                    regions.AddRange(statements.Select(g => new Region(path, g.Span, "in the top-level statements, the entry point")));
                    regions.AddRange(UsedBy(statements.SelectMany(s => s.DescendantNodes()), model, "the entry point", cancellationToken));
                }
                else
                {
                    regions.Add(new Region(path, syntax.Span, $"in {Name(entry)}, the entry point"));
                    regions.AddRange(UsedBy(syntax.DescendantNodes(), model, "the entry point", cancellationToken));
                }
            }

            break;
        }

        return regions;
    }

    /// <summary>The declarations of the source members the nodes use, and the static initialization of the types they touch.</summary>
    private static IEnumerable<Region> UsedBy(IEnumerable<SyntaxNode> nodes, SemanticModel model, string user, CancellationToken cancellationToken)
    {
        var members = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var types = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var node in nodes.Where(n => n is SimpleNameSyntax or ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax))
        {
            var info = model.GetSymbolInfo(node, cancellationToken);
            var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
            switch (symbol?.OriginalDefinition)
            {
                case INamedTypeSymbol type:
                    types.Add(type);
                    break;
                case IMethodSymbol or IPropertySymbol or IFieldSymbol or IEventSymbol:
                    var member = symbol.OriginalDefinition;
                    if (member is IMethodSymbol { ReducedFrom: { } extension })
                    {
                        member = extension;
                    }

                    if (member is IMethodSymbol { PartialImplementationPart: { } implementation })
                    {
                        member = implementation;
                    }

                    members.Add(member);
                    if (member.ContainingType is { } owner)
                    {
                        types.Add(owner);
                    }

                    break;
            }
        }

        foreach (var member in members)
        {
            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                yield return new Region(reference.SyntaxTree.FilePath, reference.Span, $"in {Name(member)}, which {user} uses");
            }
        }

        foreach (var type in types)
        {
            foreach (var region in StaticInitialization(type, $"in the static initialization of {Name(type)}, which {user} triggers"))
            {
                yield return region;
            }
        }
    }

    /// <summary>Static field and property initializers and the static constructor of a source type.</summary>
    private static IEnumerable<Region> StaticInitialization(INamedTypeSymbol type, string reason)
    {
        foreach (var member in type.GetMembers().Where(m => m.IsStatic))
        {
            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax();
                var initializer = syntax switch
                {
                    VariableDeclaratorSyntax { Initializer: { } value } => value.Span,
                    PropertyDeclarationSyntax { Initializer: { } value } => value.Span,
                    ConstructorDeclarationSyntax constructor when member is IMethodSymbol { MethodKind: MethodKind.StaticConstructor } => constructor.Span,
                    _ => (TextSpan?)null,
                };
                if (initializer is { } span)
                {
                    yield return new Region(reference.SyntaxTree.FilePath, span, reason);
                }
            }
        }
    }

    private Document? FindDocument(string path)
    {
        var ids = _solution.GetDocumentIdsWithFilePath(path);
        if (!ids.IsEmpty)
        {
            return _solution.GetDocument(ids[0]);
        }

        // A build with a path map records /_/src/File.cs: take the document whose path shares the longest tail.
        var wanted = Segments(path);
        return _solution.Projects.SelectMany(p => p.Documents)
            .Where(d => d.FilePath is not null && string.Equals(Path.GetFileName(d.FilePath), Path.GetFileName(path), StringComparison.Ordinal))
            .OrderByDescending(d => CommonTail(Segments(d.FilePath!), wanted))
            .FirstOrDefault();
    }

    private static string[] Segments(string path) => path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);

    private static int CommonTail(string[] a, string[] b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && string.Equals(a[a.Length - 1 - n], b[b.Length - 1 - n], StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }

    private static TextSpan Span(SourceText text, SourceSpan source)
    {
        var lines = text.Lines;
        LinePosition Clamp(int line, int column)
        {
            var l = Math.Clamp(line - 1, 0, lines.Count - 1);
            return new LinePosition(l, Math.Clamp(column - 1, 0, lines[l].Span.Length));
        }

        var start = Clamp(source.Line, source.Column);
        var end = Clamp(source.EndLine, source.EndColumn);
        return lines.GetTextSpan(new LinePositionSpan(start, end < start ? start : end));
    }

    private static string Name(ISymbol symbol) => symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
}
