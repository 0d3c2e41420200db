using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using LazyMigrate.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LazyMigrate.Analyzers.Rules;

/// <summary>
/// LZM0008 (compilation end): builds a call graph over the compilation's source methods (direct
/// invocations and object creations, not through lambdas), walks it from every startup method (before
/// the ready cut), and reports the first heavy expression of each reachable non-startup method, with the
/// call chain. The walk is breadth-first (shortest chain) and bounded in depth and size.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LZM0008HeavyWorkReachableFromStartupAnalyzer : DiagnosticAnalyzer
{
    private const int MaxDepth = 12;
    private const int MaxVisited = 20_000;

    private static readonly SyntaxKind[] s_owners =
    {
        SyntaxKind.CompilationUnit,
        SyntaxKind.MethodDeclaration,
        SyntaxKind.ConstructorDeclaration,
        SyntaxKind.LocalFunctionStatement,
        SyntaxKind.ParenthesizedLambdaExpression,
        SyntaxKind.SimpleLambdaExpression,
        SyntaxKind.AnonymousMethodExpression,
    };

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LZM0008HeavyWorkReachableFromStartup);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var environment = LazyMigrateEnvironment.TryCreate(start.Compilation, start.Options.AnalyzerConfigOptionsProvider);
            if (environment is null)
            {
                return;
            }

            var graph = new CallGraph(start.Compilation);
            start.RegisterSyntaxNodeAction(c => graph.Add(c, environment), s_owners);
            start.RegisterCompilationEndAction(graph.Report);
        });
    }

    private sealed class MethodFacts
    {
        public MethodFacts(bool isStartup, ImmutableArray<IMethodSymbol> callees, HeavyExpression? heavy)
        {
            IsStartup = isStartup;
            Callees = callees;
            Heavy = heavy;
        }

        public bool IsStartup { get; }

        public ImmutableArray<IMethodSymbol> Callees { get; }

        public HeavyExpression? Heavy { get; }
    }

    private sealed class Root
    {
        public Root(string name, INamedTypeSymbol? type, Location location, ImmutableArray<IMethodSymbol> callees)
        {
            Name = name;
            Type = type;
            Location = location;
            Callees = callees;
        }

        public string Name { get; }

        public INamedTypeSymbol? Type { get; }

        public Location Location { get; }

        public ImmutableArray<IMethodSymbol> Callees { get; }
    }

    private sealed class CallGraph
    {
        private readonly Compilation _compilation;
        private readonly ConcurrentDictionary<IMethodSymbol, MethodFacts> _methods = new(MethodKeyComparer.Instance);
        private readonly ConcurrentBag<Root> _roots = new();

        public CallGraph(Compilation compilation) => _compilation = compilation;

        public void Add(SyntaxNodeAnalysisContext context, LazyMigrateEnvironment environment)
        {
            var node = context.Node;
            var model = context.SemanticModel;
            var cancellationToken = context.CancellationToken;
            var resolver = environment.ResolverFor(node.SyntaxTree);
            var startup = StartupPathClassifier.Classify(node, model, resolver.Options, cancellationToken);
            var symbol = node is CompilationUnitSyntax or AnonymousFunctionExpressionSyntax ? null : Declared(node, model, cancellationToken);

            if (startup is not null)
            {
                var callees = Callees(startup.Units().Where(u => u.BeforeCut).Select(u => u.Unit), model, cancellationToken);
                if (startup.Kind == StartupKind.HostedService && symbol is { MethodKind: MethodKind.Constructor })
                {
                    // The container builds a hosted service's dependencies before calling its constructor.
                    callees = callees.AddRange(DependencyConstructors(symbol));
                }

                var name = symbol is not null ? SymbolNames.Short(symbol) : node is CompilationUnitSyntax ? "Program.Main" : startup.DisplayName;
                var type = symbol?.ContainingType ?? model.GetEnclosingSymbol(node.SpanStart, cancellationToken)?.ContainingType;
                _roots.Add(new Root(name, type, node.GetLocation(), callees));
                if (symbol is not null)
                {
                    _methods[symbol] = new MethodFacts(isStartup: true, callees, heavy: null);
                }

                return;
            }

            if (symbol is null || symbol.MethodKind == MethodKind.StaticConstructor)
            {
                return;
            }

            var units = CodeUnits.TopLevel(node).SelectMany(CodeUnits.UnitsWithin).ToList();
            HeavyExpression? heavy = null;
            foreach (var unit in units)
            {
                if (HeavyExpressions.FindOutermost(unit, model, resolver, cancellationToken) is { } found)
                {
                    heavy = found;
                    break;
                }
            }

            _methods[symbol] = new MethodFacts(isStartup: false, Callees(units, model, cancellationToken), heavy);
        }

        public void Report(CompilationAnalysisContext context)
        {
            // Deterministic order: roots by source position, so the chain reported is stable.
            var roots = _roots.OrderBy(r => r.Location.SourceTree?.FilePath, System.StringComparer.Ordinal).ThenBy(r => r.Location.SourceSpan.Start).ToList();
            var parents = new Dictionary<IMethodSymbol, (IMethodSymbol? Parent, Root Root)>(MethodKeyComparer.Instance);
            var queue = new Queue<(IMethodSymbol Method, int Depth)>();
            foreach (var root in roots)
            {
                foreach (var callee in root.Callees)
                {
                    if (!parents.ContainsKey(callee))
                    {
                        parents[callee] = (null, root);
                        queue.Enqueue((callee, 1));
                    }
                }
            }

            while (queue.Count > 0 && parents.Count < MaxVisited)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var (method, depth) = queue.Dequeue();
                if (!_methods.TryGetValue(method, out var facts) || facts.IsStartup)
                {
                    continue;
                }

                if (facts.Heavy is { } heavy)
                {
                    var chain = Chain(method, parents);
                    var properties = ImmutableDictionary<string, string?>.Empty
                        .Add(DiagnosticProperties.PackageName, heavy.Info.PackageName)
                        .Add(DiagnosticProperties.HeavyType, SymbolNames.Qualified(heavy.Type))
                        .Add(DiagnosticProperties.CallChain, chain);
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.LZM0008HeavyWorkReachableFromStartup,
                        heavy.Syntax.GetLocation(),
                        properties,
                        heavy.Type.Name,
                        heavy.Info.PackageName,
                        chain));
                }

                if (depth >= MaxDepth)
                {
                    continue;
                }

                foreach (var callee in facts.Callees)
                {
                    if (!parents.ContainsKey(callee))
                    {
                        parents[callee] = (method, parents[method].Root);
                        queue.Enqueue((callee, depth + 1));
                    }
                }
            }
        }

        /// <summary>
        /// Source constructors of the classes <paramref name="constructor"/> takes as parameters, and of
        /// their own parameters (bounded): what dependency injection constructs to call it.
        /// </summary>
        private IEnumerable<IMethodSymbol> DependencyConstructors(IMethodSymbol constructor)
        {
            var seen = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
            var queue = new Queue<(IMethodSymbol Method, int Depth)>();
            queue.Enqueue((constructor, 0));
            while (queue.Count > 0)
            {
                var (method, depth) = queue.Dequeue();
                if (depth >= 4)
                {
                    continue;
                }

                foreach (var parameter in method.Parameters)
                {
                    if (parameter.Type is INamedTypeSymbol { TypeKind: TypeKind.Class, IsAbstract: false } type
                        && SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, _compilation.Assembly)
                        && seen.Add(type.OriginalDefinition))
                    {
                        foreach (var dependency in type.InstanceConstructors.Where(c => !c.IsImplicitlyDeclared))
                        {
                            yield return dependency.OriginalDefinition;
                            queue.Enqueue((dependency, depth + 1));
                        }
                    }
                }
            }
        }

        private static string Chain(IMethodSymbol method, Dictionary<IMethodSymbol, (IMethodSymbol? Parent, Root Root)> parents)
        {
            var path = new List<IMethodSymbol>();
            for (IMethodSymbol? current = method; current is not null && path.Count <= MaxDepth; current = parents[current].Parent)
            {
                path.Add(current);
            }

            path.Reverse();
            var parts = new List<string> { parents[method].Root.Name };
            INamedTypeSymbol? previousType = parents[method].Root.Type;
            foreach (var step in path)
            {
                var sameType = previousType is not null && SymbolEqualityComparer.Default.Equals(previousType, step.ContainingType);
                parts.Add(sameType || step.MethodKind == MethodKind.LocalFunction ? step.Name : SymbolNames.Short(step));
                previousType = step.ContainingType;
            }

            return string.Join(" → ", parts);
        }

        private static IMethodSymbol? Declared(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
        {
            var symbol = model.GetDeclaredSymbol(node, cancellationToken) as IMethodSymbol;
            return symbol?.PartialDefinitionPart ?? symbol;
        }

        private ImmutableArray<IMethodSymbol> Callees(IEnumerable<SyntaxNode> units, SemanticModel model, CancellationToken cancellationToken)
        {
            var builder = ImmutableArray.CreateBuilder<IMethodSymbol>();
            foreach (var unit in units)
            {
                foreach (var node in CodeUnits.OwnNodes(unit))
                {
                    if (node is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax
                        && model.GetSymbolInfo(node, cancellationToken).Symbol is IMethodSymbol called)
                    {
                        var definition = (called.ReducedFrom ?? called).OriginalDefinition;
                        if (SymbolEqualityComparer.Default.Equals(definition.ContainingAssembly, _compilation.Assembly) && !definition.IsImplicitlyDeclared)
                        {
                            builder.Add(definition);
                        }
                    }
                }
            }

            return builder.ToImmutable();
        }
    }

    /// <summary>
    /// Local function symbols from different semantic models are not equal; they are keyed by their
    /// declaration instead. Other methods compare as symbols.
    /// </summary>
    private sealed class MethodKeyComparer : IEqualityComparer<IMethodSymbol>
    {
        public static readonly MethodKeyComparer Instance = new();

        public bool Equals(IMethodSymbol? x, IMethodSymbol? y)
        {
            if (x is { MethodKind: MethodKind.LocalFunction } && y is { MethodKind: MethodKind.LocalFunction })
            {
                return x.Locations.Length > 0 && y.Locations.Length > 0 && x.Locations[0] == y.Locations[0];
            }

            return SymbolEqualityComparer.Default.Equals(x, y);
        }

        public int GetHashCode(IMethodSymbol obj) =>
            obj.MethodKind == MethodKind.LocalFunction && obj.Locations.Length > 0
                ? obj.Locations[0].GetHashCode()
                : SymbolEqualityComparer.Default.GetHashCode(obj);
    }
}
