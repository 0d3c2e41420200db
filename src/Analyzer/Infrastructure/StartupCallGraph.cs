using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LazyMigrate.Analyzers.Infrastructure;

/// <summary>
/// What runs before the app is ready, for one compilation: a call graph over the source methods the
/// compilation can see (direct invocations and object creations; lambdas only where the callee runs them
/// on the spot, see <see cref="StartupPathClassifier"/>), plus what dependency injection constructs
/// (registrations, constructor parameters, instance field initializers, factories run on resolve), walked
/// from every startup method (before the ready cut). Methods of referenced projects are followed when their
/// source is available (a whole-solution analysis, such as the CLI's). The walk is breadth-first (shortest
/// chain) and bounded in depth and size. LZM0008 reports the heavy work the walk reaches; LZM0001 asks which
/// classes it touches (a static initializer runs only when its class is first touched).
/// Bodies are recorded by syntax actions (<see cref="Register"/>) and read only when the walk reaches them.
/// </summary>
internal sealed class StartupCallGraph
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

    private static readonly SyntaxKind[] s_initializers = { SyntaxKind.FieldDeclaration, SyntaxKind.PropertyDeclaration };

    /// <summary>A call, object creation or service resolution inside a body, with where it is.</summary>
    internal readonly struct Edge
    {
        public Edge(IMethodSymbol? method, ITypeSymbol? resolved, Location location)
        {
            Method = method;
            Resolved = resolved;
            Location = location;
        }

        /// <summary>The called method (or constructor); null for a resolution.</summary>
        public IMethodSymbol? Method { get; }

        /// <summary>The service type resolved (GetRequiredService&lt;T&gt;() …); null for a call.</summary>
        public ITypeSymbol? Resolved { get; }

        public Location Location { get; }
    }

    internal sealed class MethodFacts
    {
        public MethodFacts(bool isStartup, ImmutableArray<Edge> edges, HeavyExpression? heavy, ImmutableArray<INamedTypeSymbol> touched, bool chainsToThis = false)
        {
            IsStartup = isStartup;
            Edges = edges;
            Heavy = heavy;
            Touched = touched;
            ChainsToThis = chainsToThis;
        }

        public bool IsStartup { get; }

        public ImmutableArray<Edge> Edges { get; }

        public HeavyExpression? Heavy { get; }

        /// <summary>The classes of this compilation whose members the code uses (empty unless touches are collected).</summary>
        public ImmutableArray<INamedTypeSymbol> Touched { get; }

        /// <summary>A constructor that calls <c>: this(...)</c>: field initializers run in the other one.</summary>
        public bool ChainsToThis { get; }
    }

    internal sealed class Root
    {
        public Root(string name, INamedTypeSymbol? type, Location location, ImmutableArray<Edge> edges, ImmutableArray<INamedTypeSymbol> touched, bool inBackground, IMethodSymbol? builtByContainer)
        {
            Name = name;
            Type = type;
            Location = location;
            Edges = edges;
            Touched = touched;
            InBackground = inBackground;
            BuiltByContainer = builtByContainer;
        }

        public string Name { get; }

        public INamedTypeSymbol? Type { get; }

        public Location Location { get; }

        public ImmutableArray<Edge> Edges { get; }

        /// <summary>The classes of this compilation whose members the startup code uses before the ready cut.</summary>
        public ImmutableArray<INamedTypeSymbol> Touched { get; }

        public bool InBackground { get; }

        /// <summary>A hosted service's constructor: the container builds its parameters and runs its field initializers.</summary>
        public IMethodSymbol? BuiltByContainer { get; }
    }

    /// <summary>How the walk reached a method: from which method (or the root), and whether the container builds it.</summary>
    internal readonly struct Visit
    {
        public Visit(IMethodSymbol? parent, Root root, bool builtByContainer, Location? entry)
        {
            Parent = parent;
            Root = root;
            BuiltByContainer = builtByContainer;
            Entry = entry;
        }

        public IMethodSymbol? Parent { get; }

        public Root Root { get; }

        public bool BuiltByContainer { get; }

        /// <summary>For a method of a referenced project: the call in this compilation that leads into it.</summary>
        public Location? Entry { get; }
    }

    /// <summary>Heavy work the walk reached: the first heavy touch of one reached method (or its instance initializers).</summary>
    internal readonly struct Finding
    {
        public Finding(IMethodSymbol method, HeavyExpression heavy, Visit visit)
        {
            Method = method;
            Heavy = heavy;
            Visit = visit;
        }

        public IMethodSymbol Method { get; }

        public HeavyExpression Heavy { get; }

        public Visit Visit { get; }
    }

    /// <summary>The result of one walk from the startup roots.</summary>
    internal sealed class Walk
    {
        private readonly Dictionary<IMethodSymbol, Visit> _visits;
        private readonly ConcurrentDictionary<IMethodSymbol, string> _factoryNames;

        public Walk(List<Finding> findings, HashSet<INamedTypeSymbol> touched, bool complete, Dictionary<IMethodSymbol, Visit> visits, ConcurrentDictionary<IMethodSymbol, string> factoryNames)
        {
            Findings = findings;
            Touched = touched;
            Complete = complete;
            _visits = visits;
            _factoryNames = factoryNames;
        }

        /// <summary>In walk order (shortest chain first).</summary>
        public List<Finding> Findings { get; }

        /// <summary>
        /// Classes of this compilation (original definitions) the startup path uses before ready: the types of
        /// the startup methods and of every reached method, and the types whose members their code uses.
        /// Filled only when the graph collects touches.
        /// </summary>
        public HashSet<INamedTypeSymbol> Touched { get; }

        /// <summary>False when the walk stopped at its size bound with methods left to visit.</summary>
        public bool Complete { get; }

        /// <summary>The call chain from the root to <paramref name="method"/>, e.g. <c>Program.Main → Init → LoadModel</c>.</summary>
        public string Chain(IMethodSymbol method) => StartupCallGraph.Chain(method, _visits, _factoryNames);
    }


    private readonly Compilation _compilation;
    private readonly LazyMigrateEnvironment _environment;
    private readonly ConcurrentDictionary<IMethodSymbol, MethodFacts> _methods = new(MethodKeyComparer.Instance);

    // Bodies are recorded as they are seen and read only when the walk reaches them: most methods of a
    // compilation are never reached from startup, and reading one binds every call in it.
    private readonly ConcurrentDictionary<IMethodSymbol, SyntaxNode> _bodies = new(MethodKeyComparer.Instance);
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();
    private readonly ConcurrentDictionary<IMethodSymbol, string> _factoryNames = new(MethodKeyComparer.Instance);
    private readonly ConcurrentBag<Root> _roots = new();
    private readonly ConcurrentDictionary<INamedTypeSymbol, ConcurrentBag<Lazy<MethodFacts>>> _initializers = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, ConcurrentBag<(INamedTypeSymbol? Implementation, IMethodSymbol? Factory)>> _registrations = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, byte> _hostedTypes = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<SyntaxTree, SemanticModel?> _foreignModels = new();
    private readonly bool _collectTouches;

    /// <summary>A graph for one compilation; <paramref name="collectTouches"/> also records which classes each body uses (for <see cref="Walk.Touched"/>; costs a symbol lookup per name).</summary>
    public StartupCallGraph(Compilation compilation, LazyMigrateEnvironment environment, bool collectTouches)
    {
        _compilation = compilation;
        _environment = environment;
        _collectTouches = collectTouches;
    }

    /// <summary>Records the bodies, instance initializers and registrations of the compilation as the analysis sees them.</summary>
    public void Register(CompilationStartAnalysisContext start)
    {
        start.RegisterSyntaxNodeAction(Add, s_owners);
        start.RegisterSyntaxNodeAction(AddInitializers, s_initializers);
        start.RegisterSyntaxNodeAction(AddRegistration, SyntaxKind.InvocationExpression);
    }

    public void Add(SyntaxNodeAnalysisContext context)
    {
        var node = context.Node;
        var model = context.SemanticModel;
        var cancellationToken = context.CancellationToken;
        var resolver = _environment.ResolverFor(node.SyntaxTree);
        var startup = _environment.ClassifyStartup(node, model, resolver.Options, cancellationToken);
        var symbol = node is CompilationUnitSyntax or AnonymousFunctionExpressionSyntax ? null : Declared(node, model, cancellationToken);

        if (startup is { IsJob: true } && !_collectTouches)
        {
            // The entry point of a program that never becomes ready: its calls are the job, not startup. For the
            // classes it touches it still counts: they are initialized when the program runs (LZM0001).
            return;
        }

        if (startup is not null)
        {
            // Heavy services resolved right here are LZM0004's; the walk follows the others.
            var units = startup.Units().Where(u => u.BeforeCut).Select(u => u.Unit).ToList();
            var edges = Edges(units, model, resolver, skipHeavyResolutions: true, cancellationToken);
            var builtByContainer = startup.Kind == StartupKind.HostedService && symbol is { MethodKind: MethodKind.Constructor } ? symbol : null;
            var name = symbol is not null ? SymbolNames.Short(symbol) : node is CompilationUnitSyntax ? "Program.Main" : startup.DisplayName;
            var type = symbol?.ContainingType ?? model.GetEnclosingSymbol(node.SpanStart, cancellationToken)?.ContainingType;
            var touched = Touches(units, model, cancellationToken);
            _roots.Add(new Root(name, type, node.GetLocation(), edges, touched, startup.InBackground, builtByContainer));
            if (symbol is not null)
            {
                _methods[symbol] = new MethodFacts(isStartup: true, edges, heavy: null, touched);
            }

            return;
        }

        if (symbol is null || symbol.MethodKind == MethodKind.StaticConstructor)
        {
            return;
        }

        _bodies[symbol] = node;
        _models.TryAdd(node.SyntaxTree, model);
    }

    /// <summary>Instance field and property initializers: they run in every constructor that does not chain to <c>this(...)</c>.</summary>
    public void AddInitializers(SyntaxNodeAnalysisContext context)
    {
        var values = InstanceInitializers.Of(context.Node);

        if (values.Count == 0 || context.ContainingSymbol?.ContainingType is not { TypeKind: TypeKind.Class } type)
        {
            return;
        }

        var isHosted = StartupPathClassifier.Implements(type, "IHostedService");
        if (isHosted)
        {
            _hostedTypes.TryAdd(type.OriginalDefinition, 0);
        }

        // Read only when the walk reaches a constructor of the type (see _bodies).
        var model = context.SemanticModel;
        var resolver = _environment.ResolverFor(context.Node.SyntaxTree);
        var cancellationToken = context.CancellationToken;
        var facts = new Lazy<MethodFacts>(
            () =>
            {
                HeavyExpression? heavy = null;
                foreach (var value in values)
                {
                    heavy ??= HeavyExpressions.FindFirstTouch(value, model, resolver, cancellationToken);
                }

                // A hosted service's initializers are on the startup path themselves: LZM0002 reports their heavy work.
                return new MethodFacts(isStartup: isHosted, Edges(values, model, resolver, skipHeavyResolutions: false, cancellationToken), isHosted ? null : heavy, Touches(values, model, cancellationToken));
            },
            LazyThreadSafetyMode.ExecutionAndPublication);
        _initializers.GetOrAdd(type.OriginalDefinition, _ => new ConcurrentBag<Lazy<MethodFacts>>()).Add(facts);
    }

    /// <summary>Service registrations: what the container builds when a service is resolved.</summary>
    public void AddRegistration(SyntaxNodeAnalysisContext context)
    {
        var invocation = (InvocationExpressionSyntax)context.Node;
        if (!ServiceRegistration.IsCandidate(invocation)
            || ServiceRegistration.Analyze(invocation, context.SemanticModel, context.CancellationToken) is not { } registration)
        {
            return;
        }

        var key = registration.ServiceType.OriginalDefinition;
        if (registration.IsHostedService && registration.Implementation is { } hosted)
        {
            _hostedTypes.TryAdd(hosted.OriginalDefinition, 0);
            return;
        }

        IMethodSymbol? factory = null;
        if (registration.Factory is AnonymousFunctionExpressionSyntax lambda
            && context.SemanticModel.GetSymbolInfo(lambda, context.CancellationToken).Symbol is IMethodSymbol lambdaSymbol)
        {
            // The factory runs on first resolve: it is a node of the graph like a method.
            factory = lambdaSymbol;
            _factoryNames[lambdaSymbol] = "factory of " + registration.ServiceType.Name;
            _bodies[lambdaSymbol] = lambda;
            _models.TryAdd(lambda.SyntaxTree, context.SemanticModel);
        }
        else if (registration.Factory is ExpressionSyntax group
            && context.SemanticModel.GetSymbolInfo(group, context.CancellationToken).Symbol is IMethodSymbol method)
        {
            factory = method.OriginalDefinition;
        }

        if (factory is not null || registration.Implementation is not null)
        {
            _registrations.GetOrAdd(key, _ => new ConcurrentBag<(INamedTypeSymbol?, IMethodSymbol?)>()).Add((registration.Implementation, factory));
        }
    }

    /// <summary>Walks the graph from every startup root (before ready), once per call.</summary>
    public Walk WalkFromStartup(CancellationToken cancellationToken)
    {
        // Deterministic order: roots by source position, so the chain reported is stable.
        var roots = _roots.OrderBy(r => r.Location.SourceTree?.FilePath, System.StringComparer.Ordinal).ThenBy(r => r.Location.SourceSpan.Start).ToList();
        roots.AddRange(HostedServicesWithoutConstructor());
        var visits = new Dictionary<IMethodSymbol, Visit>(MethodKeyComparer.Instance);
        var queue = new Queue<(IMethodSymbol Method, int Depth)>();
        var findings = new List<Finding>();
        var touched = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);

        void Touch(INamedTypeSymbol? type)
        {
            if (_collectTouches && type is not null && SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, _compilation.Assembly))
            {
                touched.Add(type.OriginalDefinition);
            }
        }

        void TouchAll(ImmutableArray<INamedTypeSymbol> types)
        {
            foreach (var type in types)
            {
                Touch(type);
            }
        }

        void Enqueue(IMethodSymbol method, Visit visit, int depth)
        {
            if (!visits.ContainsKey(method))
            {
                visits[method] = visit;
                queue.Enqueue((method, depth));
            }
        }

        void Follow(Edge edge, IMethodSymbol? from, Root root, Location? entry, int depth)
        {
            // Leaving this compilation: later findings are reported at this call.
            var nextEntry = entry ?? (IsForeign(edge.Method) ? edge.Location : null);
            if (edge.Method is { } method)
            {
                Enqueue(method, new Visit(from, root, builtByContainer: false, nextEntry), depth);
                return;
            }

            foreach (var (built, byContainer) in Built(edge.Resolved!))
            {
                Enqueue(built, new Visit(from, root, byContainer, entry), depth);
            }
        }

        foreach (var root in roots)
        {
            Touch(root.Type);
            TouchAll(root.Touched);
            foreach (var edge in root.Edges)
            {
                Follow(edge, null, root, null, 1);
            }

            if (root.BuiltByContainer is { } constructor)
            {
                foreach (var edge in ContainerEdges(constructor, initializersToo: true))
                {
                    Follow(edge, null, root, null, 1);
                }

                if (_collectTouches && _initializers.TryGetValue(constructor.ContainingType.OriginalDefinition, out var rootInitializers))
                {
                    foreach (var part in rootInitializers)
                    {
                        TouchAll(part.Value.Touched);
                    }
                }
            }
        }

        while (queue.Count > 0 && visits.Count < MaxVisited)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (method, depth) = queue.Dequeue();
            var visit = visits[method];
            var facts = FactsOf(method, cancellationToken);
            if (facts is { IsStartup: true })
            {
                continue;
            }

            // Running a method of a class, or building one, can touch its statics.
            Touch(method.ContainingType);
            var isConstructor = method.MethodKind == MethodKind.Constructor;
            var work = new List<MethodFacts>();
            if (facts is not null)
            {
                work.Add(facts);
            }

            if (isConstructor && facts is not { ChainsToThis: true } && _initializers.TryGetValue(method.ContainingType.OriginalDefinition, out var initializers))
            {
                work.AddRange(initializers.Select(i => i.Value));
            }

            foreach (var part in work)
            {
                TouchAll(part.Touched);
            }

            foreach (var part in work)
            {
                if (part.Heavy is { } heavy)
                {
                    findings.Add(new Finding(method, heavy, visit));
                    break;
                }
            }

            if (depth >= MaxDepth)
            {
                continue;
            }

            foreach (var part in work)
            {
                foreach (var edge in part.Edges)
                {
                    Follow(edge, method, visit.Root, visit.Entry, depth + 1);
                }
            }

            if (isConstructor && visit.BuiltByContainer)
            {
                foreach (var edge in ContainerEdges(method, initializersToo: false))
                {
                    Follow(edge, method, visit.Root, visit.Entry, depth + 1);
                }
            }
        }

        return new Walk(findings, touched, complete: queue.Count == 0, visits, _factoryNames);
    }

    /// <summary>Hosted services with no constructor in source: the container still runs their field initializers.</summary>
    private IEnumerable<Root> HostedServicesWithoutConstructor()
    {
        foreach (var type in _hostedTypes.Keys.OrderBy(t => t.ToDisplayString(), System.StringComparer.Ordinal))
        {
            if (!SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, _compilation.Assembly)
                || type.InstanceConstructors.Any(c => !c.IsImplicitlyDeclared))
            {
                continue;
            }

            foreach (var constructor in type.InstanceConstructors)
            {
                var location = type.Locations.FirstOrDefault() ?? Location.None;
                yield return new Root(SymbolNames.Short(constructor), type, location, ImmutableArray<Edge>.Empty, ImmutableArray<INamedTypeSymbol>.Empty, inBackground: false, constructor);
            }
        }
    }

    /// <summary>
    /// What the container does to call <paramref name="constructor"/>: build each parameter's service
    /// (and, for a root, run the class's field initializers, which a visit of the constructor does itself).
    /// </summary>
    private IEnumerable<Edge> ContainerEdges(IMethodSymbol constructor, bool initializersToo)
    {
        var location = constructor.Locations.FirstOrDefault() ?? Location.None;
        foreach (var parameter in constructor.Parameters)
        {
            var type = parameter.Type;
            if (type is INamedTypeSymbol { IsGenericType: true, Name: "IEnumerable" } sequence && SymbolNames.Namespace(sequence) == "System.Collections.Generic")
            {
                type = sequence.TypeArguments[0];
            }

            yield return new Edge(null, type, location);
        }

        if (initializersToo && _initializers.TryGetValue(constructor.ContainingType.OriginalDefinition, out var initializers))
        {
            foreach (var part in initializers)
            {
                foreach (var edge in part.Value.Edges)
                {
                    yield return edge;
                }
            }
        }
    }

    /// <summary>
    /// What the container runs to build a service: the registered factories and the constructors of
    /// registered implementations; without a registration in this compilation, a concrete class of the
    /// compilation is taken to be registered as itself.
    /// </summary>
    private IEnumerable<(IMethodSymbol Method, bool ByContainer)> Built(ITypeSymbol service)
    {
        var found = false;
        if (_registrations.TryGetValue(service.OriginalDefinition, out var registrations))
        {
            foreach (var (implementation, factory) in registrations)
            {
                found = true;
                if (factory is not null)
                {
                    yield return (factory, false);
                }
                else if (implementation is not null)
                {
                    foreach (var constructor in Constructors(implementation))
                    {
                        yield return (constructor, true);
                    }
                }
            }
        }

        if (!found && service is INamedTypeSymbol { TypeKind: TypeKind.Class, IsAbstract: false } concrete)
        {
            foreach (var constructor in Constructors(concrete))
            {
                yield return (constructor, true);
            }
        }
    }

    private IEnumerable<IMethodSymbol> Constructors(INamedTypeSymbol type)
    {
        if (!SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, _compilation.Assembly))
        {
            yield break;
        }

        foreach (var constructor in type.OriginalDefinition.InstanceConstructors)
        {
            if (constructor.DeclaredAccessibility == Accessibility.Public)
            {
                yield return constructor;
            }
        }
    }

    private bool IsForeign(IMethodSymbol? method) =>
        method is not null && !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _compilation.Assembly);

    /// <summary>
    /// The facts of a method, read the first time the walk reaches it: from the body a syntax action
    /// recorded (this compilation, generated code left out) or from a referenced project's source.
    /// </summary>
    private MethodFacts? FactsOf(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (_methods.TryGetValue(method, out var facts))
        {
            return facts;
        }

        if (_bodies.TryGetValue(method, out var body))
        {
            facts = Facts(body, _models[body.SyntaxTree], _environment.ResolverFor(body.SyntaxTree), cancellationToken);
            _methods[method] = facts;
            return facts;
        }

        if (!IsForeign(method) || method.DeclaringSyntaxReferences.Length == 0)
        {
            return null;
        }

        var syntax = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        if (ForeignModel(syntax.SyntaxTree) is not { } model)
        {
            return null;
        }

        facts = Facts(syntax, model, _environment.ResolverFor(null), cancellationToken);
        _methods[method] = facts;
        return facts;
    }

    /// <summary>The semantic model of a referenced project's tree, when the reference is that project's compilation.</summary>
    private SemanticModel? ForeignModel(SyntaxTree tree)
    {
        if (_foreignModels.TryGetValue(tree, out var model))
        {
            return model;
        }

        foreach (var reference in _compilation.References)
        {
            if (reference is CompilationReference { Compilation: { } referenced } && referenced.ContainsSyntaxTree(tree))
            {
                model = referenced.GetSemanticModel(tree);
                break;
            }
        }

        _foreignModels[tree] = model;
        return model;
    }

    /// <summary>A method's (or factory lambda's) first heavy touch and edges, up to a ready call in it.</summary>
    private MethodFacts Facts(SyntaxNode node, SemanticModel model, HeavyTypeResolver resolver, CancellationToken cancellationToken)
    {
        var topLevel = CodeUnits.TopLevel(node);
        var cut = StartupPathClassifier.FindReadyCut(topLevel, model, resolver.Options, cancellationToken);
        var units = new List<SyntaxNode>();
        for (var i = 0; i < topLevel.Length; i++)
        {
            foreach (var unit in CodeUnits.UnitsWithin(topLevel[i]))
            {
                if (cut.IsBefore(i, unit))
                {
                    units.Add(unit);
                }
            }
        }

        HeavyExpression? heavy = null;
        foreach (var unit in units)
        {
            if (HeavyExpressions.FindFirstTouch(unit, model, resolver, cancellationToken) is { } found)
            {
                heavy = found;
                break;
            }
        }

        var chainsToThis = node is ConstructorDeclarationSyntax { Initializer: { } initializer } && initializer.IsKind(SyntaxKind.ThisConstructorInitializer);
        return new MethodFacts(isStartup: false, Edges(units, model, resolver, skipHeavyResolutions: false, cancellationToken), heavy, Touches(units, model, cancellationToken), chainsToThis);
    }

    private static string Chain(IMethodSymbol method, Dictionary<IMethodSymbol, Visit> visits, ConcurrentDictionary<IMethodSymbol, string> factoryNames)
    {
        var path = new List<IMethodSymbol>();
        for (IMethodSymbol? current = method; current is not null && path.Count <= MaxDepth; current = visits[current].Parent)
        {
            path.Add(current);
        }

        path.Reverse();
        var root = visits[method].Root;
        var parts = new List<string> { root.Name };
        INamedTypeSymbol? previousType = root.Type;
        foreach (var step in path)
        {
            var sameType = previousType is not null && SymbolEqualityComparer.Default.Equals(previousType, step.ContainingType);
            parts.Add(factoryNames.TryGetValue(step, out var factoryName)
                ? factoryName
                : sameType && step.MethodKind != MethodKind.Constructor || step.MethodKind == MethodKind.LocalFunction ? step.Name : SymbolNames.Short(step));
            previousType = step.ContainingType;
        }

        return string.Join(" → ", parts);
    }

    private static IMethodSymbol? Declared(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        var symbol = model.GetDeclaredSymbol(node, cancellationToken) as IMethodSymbol;
        return symbol?.PartialDefinitionPart ?? symbol;
    }

    /// <summary>
    /// The calls, constructions and service resolutions of some units. Calls into source the analysis
    /// can see (this compilation, or a referenced project's compilation) are kept; a constructor the
    /// compiler declares is kept too, for the field initializers it runs.
    /// </summary>
    private ImmutableArray<Edge> Edges(IEnumerable<SyntaxNode> units, SemanticModel model, HeavyTypeResolver resolver, bool skipHeavyResolutions, CancellationToken cancellationToken)
    {
        var builder = ImmutableArray.CreateBuilder<Edge>();
        foreach (var unit in units)
        {
            foreach (var node in CodeUnits.OwnNodes(unit))
            {
                if (node is not InvocationExpressionSyntax and not BaseObjectCreationExpressionSyntax)
                {
                    continue;
                }

                if (node is InvocationExpressionSyntax invocation
                    && ServiceResolution.IsCandidate(invocation)
                    && ServiceResolution.Resolved(invocation, model, cancellationToken) is { } resolved)
                {
                    if (!(skipHeavyResolutions && resolver.GetHeavyWork(resolved) is not null))
                    {
                        builder.Add(new Edge(null, resolved, node.GetLocation()));
                    }

                    continue;
                }

                if (model.GetSymbolInfo(node, cancellationToken).Symbol is IMethodSymbol called)
                {
                    var definition = (called.ReducedFrom ?? called).OriginalDefinition;
                    var inThisCompilation = SymbolEqualityComparer.Default.Equals(definition.ContainingAssembly, _compilation.Assembly);
                    if (inThisCompilation
                        ? !definition.IsImplicitlyDeclared || definition.MethodKind == MethodKind.Constructor
                        : definition.DeclaringSyntaxReferences.Length > 0)
                    {
                        builder.Add(new Edge(definition, null, node.GetLocation()));
                    }
                }
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>
    /// The classes of this compilation whose members some units' own code uses (a static or instance field,
    /// property, event or method, a constructor with its base classes): using one can run the class's static
    /// initialization. Empty unless the graph collects touches.
    /// </summary>
    private ImmutableArray<INamedTypeSymbol> Touches(IEnumerable<SyntaxNode> units, SemanticModel model, CancellationToken cancellationToken)
    {
        if (!_collectTouches)
        {
            return ImmutableArray<INamedTypeSymbol>.Empty;
        }

        var found = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var unit in units)
        {
            foreach (var node in CodeUnits.OwnNodes(unit))
            {
                if (node is not (SimpleNameSyntax or BaseObjectCreationExpressionSyntax))
                {
                    continue;
                }

                var symbol = model.GetSymbolInfo(node, cancellationToken).Symbol;
                if (symbol is not (IFieldSymbol or IPropertySymbol or IEventSymbol or IMethodSymbol)
                    || symbol.ContainingType is not { } type
                    || !SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, _compilation.Assembly))
                {
                    continue;
                }

                found.Add(type.OriginalDefinition);
                if (symbol is IMethodSymbol { MethodKind: MethodKind.Constructor })
                {
                    // A constructor runs its base classes' constructors first.
                    for (var baseType = type.BaseType; baseType is not null && SymbolEqualityComparer.Default.Equals(baseType.ContainingAssembly, _compilation.Assembly); baseType = baseType.BaseType)
                    {
                        found.Add(baseType.OriginalDefinition);
                    }
                }
            }
        }

        return found.ToImmutableArray();
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
            if (x is { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction } && y is { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction })
            {
                return x.Locations.Length > 0 && y.Locations.Length > 0 && x.Locations[0] == y.Locations[0];
            }

            return SymbolEqualityComparer.Default.Equals(x, y);
        }

        public int GetHashCode(IMethodSymbol obj) =>
            obj.MethodKind is MethodKind.LocalFunction or MethodKind.AnonymousFunction && obj.Locations.Length > 0
                ? obj.Locations[0].GetHashCode()
                : SymbolEqualityComparer.Default.GetHashCode(obj);
    }
}
