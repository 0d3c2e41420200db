using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LazyMigrate.Analyzers.Infrastructure;

/// <summary>
/// Decides whether a method body, lambda or the top-level statements run on the startup path
/// (the list in docs/rules/LZM0002.md, "What it flags"), and where the "ready" cut ends it. Per-method and syntax-first, so it is live in the IDE.
/// </summary>
internal static class StartupPathClassifier
{
    /// <summary>Builder configuration methods whose lambdas run while the host is built.</summary>
    private static readonly HashSet<string> s_hostConfigurationMethods = new()
    {
        "ConfigureServices", "ConfigureAppConfiguration", "ConfigureHostConfiguration", "ConfigureLogging",
        "ConfigureWebHostDefaults", "ConfigureWebHost", "ConfigureContainer",
    };

    private static readonly HashSet<string> s_builderTypes = new()
    {
        "IHostBuilder", "IWebHostBuilder", "IHostApplicationBuilder", "HostApplicationBuilder", "WebApplicationBuilder",
    };

    private static readonly HashSet<string> s_hostRunMethods = new() { "Run", "RunAsync", "WaitForShutdown", "WaitForShutdownAsync" };

    /// <summary>The startup body an executable owner declares, or null when it is not on the startup path.</summary>
    public static StartupBody? Classify(SyntaxNode owner, SemanticModel model, LazyMigrateOptions options, CancellationToken cancellationToken) =>
        Classify(owner, model, options, depth: 0, cache: null, cancellationToken);

    /// <summary>
    /// <see cref="Classify(SyntaxNode, SemanticModel, LazyMigrateOptions, CancellationToken)"/> with answers kept in
    /// <paramref name="cache"/>: five rules classify the same bodies, and every lambda of a body classifies that body again.
    /// </summary>
    public static StartupBody? Classify(SyntaxNode owner, SemanticModel model, LazyMigrateOptions options, StartupClassifications cache, CancellationToken cancellationToken) =>
        Classify(owner, model, options, depth: 0, cache, cancellationToken);

    private static StartupBody? Classify(SyntaxNode owner, SemanticModel model, LazyMigrateOptions options, int depth, StartupClassifications? cache, CancellationToken cancellationToken)
    {
        if (cache is null)
        {
            return Compute(owner, model, options, depth, cache, cancellationToken);
        }

        // Only a lambda's answer depends on the depth (callers are followed to a limit); other bodies share one entry.
        var key = owner is AnonymousFunctionExpressionSyntax ? depth : 0;
        if (!cache.TryGet(owner, key, out var body))
        {
            body = cache.Add(owner, key, Compute(owner, model, options, depth, cache, cancellationToken));
        }

        return body;
    }

    private static StartupBody? Compute(SyntaxNode owner, SemanticModel model, LazyMigrateOptions options, int depth, StartupClassifications? cache, CancellationToken cancellationToken)
    {
        var shape = new BodyShape();
        var kind = Kind(owner, model, options, depth, cache, cancellationToken, ref shape);
        if (kind is null)
        {
            return null;
        }

        var topLevel = CodeUnits.TopLevel(owner);
        var cut = FindCut(topLevel, model, options, shape.CutAtFirstAwait, cancellationToken);
        var isJob = kind is StartupKind.EntryPoint or StartupKind.TopLevel or StartupKind.ModuleInitializer
            && NeverBecomesReady(model.Compilation, options, cancellationToken);
        return new StartupBody(owner, kind.Value, shape.DisplayName, topLevel, cut, shape.InBackground, isJob);
    }

    private static readonly ConditionalWeakTable<Compilation, StrongBox<bool>> s_neverReady = new();

    /// <summary>
    /// True for an executable in which nothing ends startup: no ready call anywhere (MarkReady, a host's
    /// Run, a UI message loop, a configured ready method), no hosted service, no configured startup
    /// method. Such a program (a batch job, a one-shot tool) has no "ready" to reach sooner: its entry
    /// point's work is the job itself. Computed once per compilation.
    /// </summary>
    public static bool NeverBecomesReady(Compilation compilation, LazyMigrateOptions options, CancellationToken cancellationToken)
    {
        if (compilation.Options.OutputKind is not (OutputKind.ConsoleApplication or OutputKind.WindowsApplication) || !options.StartupMethods.IsEmpty)
        {
            return false;
        }

        return s_neverReady.GetValue(compilation, c => new StrongBox<bool>(!HasReadyPoint(c, options, cancellationToken))).Value;
    }

    private static bool HasReadyPoint(Compilation compilation, LazyMigrateOptions options, CancellationToken cancellationToken)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            SemanticModel? model = null;
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                switch (node)
                {
                    case InvocationExpressionSyntax invocation when CodeUnits.InvokedName(invocation) is { } name
                        && (name == "MarkReady" || s_hostRunMethods.Contains(name) || !options.ReadyMethods.IsEmpty):
                        model ??= compilation.GetSemanticModel(tree);
                        if (IsReadyCall(invocation, model, options, cancellationToken))
                        {
                            return true;
                        }

                        break;
                    case ClassDeclarationSyntax { BaseList: not null } type:
                        model ??= compilation.GetSemanticModel(tree);
                        if (model.GetDeclaredSymbol(type, cancellationToken) is { } symbol && Implements(symbol, "IHostedService"))
                        {
                            return true;
                        }

                        break;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Where the ready cut of a body is, for code reached from startup that is not itself a startup
    /// body (LZM0008): the first ready call; <see cref="BodyCut.None"/> without one.
    /// </summary>
    public static BodyCut FindReadyCut(ImmutableArray<SyntaxNode> topLevel, SemanticModel model, LazyMigrateOptions options, CancellationToken cancellationToken) =>
        FindCut(topLevel, model, options, cutAtFirstAwait: false, cancellationToken);

    private struct BodyShape
    {
        public string DisplayName;
        public bool CutAtFirstAwait;
        public bool InBackground;
    }

    private static StartupKind? Kind(SyntaxNode owner, SemanticModel model, LazyMigrateOptions options, int depth, StartupClassifications? cache, CancellationToken cancellationToken, ref BodyShape shape)
    {
        shape.DisplayName = string.Empty;
        string displayName;
        switch (owner)
        {
            case CompilationUnitSyntax unit:
                foreach (var member in unit.Members)
                {
                    if (member is GlobalStatementSyntax)
                    {
                        shape.DisplayName = "top-level statements";
                        return StartupKind.TopLevel;
                    }
                }

                return null;

            case MethodDeclarationSyntax method:
                var methodKind = MethodKind(method, model, options, cancellationToken, out displayName, out var cutAtFirstAwait, out var inBackground);
                shape.DisplayName = displayName;
                shape.CutAtFirstAwait = cutAtFirstAwait;
                shape.InBackground = inBackground;
                return methodKind;

            case ConstructorDeclarationSyntax constructor when !constructor.Modifiers.Any(SyntaxKind.StaticKeyword):
                // Syntax filter: a hosted service has a base list (in this part, unless the type is partial).
                if (options.StartupMethods.IsEmpty
                    && constructor.Parent is TypeDeclarationSyntax { BaseList: null } declaringType
                    && !declaringType.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    return null;
                }

                if (model.GetDeclaredSymbol(constructor, cancellationToken) is not { } ctor)
                {
                    return null;
                }

                shape.DisplayName = SymbolNames.Short(ctor);
                if (options.StartupMethods.Matches(SymbolNames.MethodName(ctor)))
                {
                    return StartupKind.Configured;
                }

                return Implements(ctor.ContainingType, "IHostedService") ? StartupKind.HostedService : null;

            case AnonymousFunctionExpressionSyntax lambda:
                if (IsHostConfigurationLambda(lambda, model, cancellationToken, out var methodName))
                {
                    shape.DisplayName = methodName + " lambda";
                    return StartupKind.HostConfiguration;
                }

                return CallbackKind(lambda, model, options, depth, cache, cancellationToken, ref shape);

            default:
                return null;
        }
    }

    private static StartupKind? MethodKind(MethodDeclarationSyntax method, SemanticModel model, LazyMigrateOptions options, CancellationToken cancellationToken, out string displayName, out bool cutAtFirstAwait, out bool inBackground)
    {
        displayName = string.Empty;
        cutAtFirstAwait = false;
        inBackground = false;
        var name = method.Identifier.ValueText;
        var isStatic = method.Modifiers.Any(SyntaxKind.StaticKeyword);

        // Cheap syntax filter before binding: only these shapes can be startup methods.
        var candidate = (isStatic && name == "Main")
            || method.AttributeLists.Count > 0
            || name is "ConfigureServices" or "Configure" or "ConfigureContainer" or "StartAsync" or "ExecuteAsync"
            || !options.StartupMethods.IsEmpty;
        if (!candidate || model.GetDeclaredSymbol(method, cancellationToken) is not { } symbol)
        {
            return null;
        }

        displayName = SymbolNames.Short(symbol);
        if (isStatic && name == "Main")
        {
            return StartupKind.EntryPoint;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass?.Name == "ModuleInitializerAttribute")
            {
                return StartupKind.ModuleInitializer;
            }
        }

        if (options.StartupMethods.Matches(SymbolNames.MethodName(symbol)))
        {
            return StartupKind.Configured;
        }

        var type = symbol.ContainingType;
        if (type is null)
        {
            return null;
        }

        if (type.Name == "Startup" && name is "ConfigureServices" or "Configure" or "ConfigureContainer")
        {
            return StartupKind.HostConfiguration;
        }

        if (name == "StartAsync" && !isStatic && Implements(type, "IHostedService"))
        {
            return StartupKind.HostedService;
        }

        if (name == "ExecuteAsync" && !isStatic && BaseNamed(type, "BackgroundService") is { } backgroundService)
        {
            // Before Microsoft.Extensions.Hosting 10, ExecuteAsync runs synchronously inside StartAsync up to
            // its first await; from 10 on, StartAsync starts it on the thread pool and does not wait for it.
            cutAtFirstAwait = true;
            inBackground = StartsExecuteAsyncInBackground(backgroundService);
            return StartupKind.HostedService;
        }

        return null;
    }

    /// <summary>
    /// A lambda passed, on a startup path before its cut, to a method that runs it before returning
    /// (docs/rules/LZM0002.md, "Lambdas"): it inherits the caller's kind. Stored callbacks (handlers,
    /// factories, endpoints, <c>Task.Run</c>) are not startup code.
    /// </summary>
    private static StartupKind? CallbackKind(AnonymousFunctionExpressionSyntax lambda, SemanticModel model, LazyMigrateOptions options, int depth, StartupClassifications? cache, CancellationToken cancellationToken, ref BodyShape shape)
    {
        if (depth >= 4 || !InvokedNow.IsArgumentOfCall(lambda, out var invocation, out var calledName))
        {
            return null;
        }

        // The caller: the nearest enclosing method, lambda or top-level statements.
        SyntaxNode? caller = invocation.Parent;
        while (caller is not null && caller is not AnonymousFunctionExpressionSyntax and not BaseMethodDeclarationSyntax and not CompilationUnitSyntax)
        {
            if (caller is LocalFunctionStatementSyntax)
            {
                return null;
            }

            caller = caller.Parent;
        }

        if (caller is null
            || Classify(caller, model, options, depth + 1, cache, cancellationToken) is not { } outer
            || !InvokedNow.IsRunBeforeReturn(lambda, invocation, calledName, model, cancellationToken))
        {
            return null;
        }

        // The call itself must run before the caller's cut.
        foreach (var (unit, beforeCut) in outer.Units())
        {
            if (!unit.Span.Contains(invocation.Span) || !CodeUnits.OwnNodes(unit).Contains(invocation))
            {
                continue;
            }

            if (!beforeCut)
            {
                return null;
            }

            shape.DisplayName = calledName + " lambda in " + outer.DisplayName;
            shape.InBackground = outer.InBackground;
            return outer.Kind;
        }

        return null;
    }

    /// <summary>True for a lambda passed to a host-builder configuration method (ConfigureServices, …).</summary>
    public static bool IsHostConfigurationLambda(AnonymousFunctionExpressionSyntax lambda, SemanticModel model, CancellationToken cancellationToken, out string methodName)
    {
        methodName = string.Empty;
        if (lambda.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } })
        {
            return false;
        }

        var name = CodeUnits.InvokedName(invocation);
        if (name is null || !s_hostConfigurationMethods.Contains(name))
        {
            return false;
        }

        var info = model.GetSymbolInfo(invocation, cancellationToken);
        var method = info.Symbol as IMethodSymbol;
        if (method is null && info.CandidateSymbols.Length > 0)
        {
            // Mid-edit the lambda body may not bind; the call is still a configuration call.
            method = info.CandidateSymbols[0] as IMethodSymbol;
        }

        if (method is null)
        {
            return false;
        }

        var receiver = method.ReducedFrom?.Parameters[0].Type
            ?? (method.IsExtensionMethod && method.Parameters.Length > 0 ? method.Parameters[0].Type : method.ContainingType);
        if (receiver is not INamedTypeSymbol receiverType || !IsBuilder(receiverType))
        {
            return false;
        }

        methodName = name;
        return true;
    }

    /// <summary>True when the invocation ends the startup phase (MarkReady, IHost.Run…, configured ready methods).</summary>
    public static bool IsReadyCall(InvocationExpressionSyntax invocation, SemanticModel model, LazyMigrateOptions options, CancellationToken cancellationToken)
    {
        var name = CodeUnits.InvokedName(invocation);
        if (name is null || (name != "MarkReady" && !s_hostRunMethods.Contains(name) && options.ReadyMethods.IsEmpty))
        {
            return false;
        }

        if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method)
        {
            return false;
        }

        var definition = method.ReducedFrom ?? method;
        if (name == "MarkReady" && definition.ContainingType is { Name: "LazyLoading" } loading && SymbolNames.IsInNamespace(loading, "LazyMigrate"))
        {
            return true;
        }

        if (s_hostRunMethods.Contains(name))
        {
            var receiver = method.ReducedFrom?.Parameters[0].Type
                ?? (method.IsExtensionMethod && method.Parameters.Length > 0 ? method.Parameters[0].Type : method.ContainingType);
            if (receiver is INamedTypeSymbol host && (host.Name is "IHost" or "WebApplication" || Implements(host, "IHost")))
            {
                return true;
            }

            // A UI framework's message loop (Windows Forms' Application.Run(form), WPF's app.Run()): the window is up.
            if (name == "Run" && definition.ContainingType is { Name: "Application" } application
                && SymbolNames.Namespace(application) is "System.Windows.Forms" or "System.Windows")
            {
                return true;
            }
        }

        return options.ReadyMethods.Matches(SymbolNames.MethodName(definition));
    }

    private static BodyCut FindCut(ImmutableArray<SyntaxNode> topLevel, SemanticModel model, LazyMigrateOptions options, bool cutAtFirstAwait, CancellationToken cancellationToken)
    {
        for (var i = 0; i < topLevel.Length; i++)
        {
            foreach (var unit in CodeUnits.UnitsWithin(topLevel[i]))
            {
                foreach (var node in CodeUnits.OwnNodes(unit))
                {
                    if (cutAtFirstAwait && node is AwaitExpressionSyntax)
                    {
                        return new BodyCut(i, node.SpanStart);
                    }

                    if (node is InvocationExpressionSyntax invocation && IsReadyCall(invocation, model, options, cancellationToken))
                    {
                        // The whole statement that makes the app ready counts as startup (both branches of an if).
                        return new BodyCut(i, topLevel[i].Span.End);
                    }
                }

                if (cutAtFirstAwait && unit is ForEachStatementSyntax { AwaitKeyword.RawKind: (int)SyntaxKind.AwaitKeyword } awaitForEach)
                {
                    // The collection expression runs first; the body only after an element was awaited.
                    return new BodyCut(i, awaitForEach.Statement.SpanStart - 1);
                }
            }
        }

        return BodyCut.None;
    }

    private static bool IsBuilder(INamedTypeSymbol type)
    {
        if (s_builderTypes.Contains(type.Name))
        {
            return true;
        }

        foreach (var @interface in type.AllInterfaces)
        {
            if (s_builderTypes.Contains(@interface.Name))
            {
                return true;
            }
        }

        return false;
    }

    public static bool Implements(INamedTypeSymbol type, string interfaceName)
    {
        foreach (var @interface in type.AllInterfaces)
        {
            if (@interface.Name == interfaceName)
            {
                return true;
            }
        }

        return false;
    }

    private static INamedTypeSymbol? BaseNamed(INamedTypeSymbol type, string baseName)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.Name == baseName)
            {
                return current;
            }
        }

        return null;
    }

    /// <summary>
    /// True when the referenced Microsoft.Extensions.Hosting (the assembly that declares BackgroundService)
    /// is version 10 or later: its StartAsync runs ExecuteAsync on the thread pool and returns without waiting.
    /// </summary>
    public static bool StartsExecuteAsyncInBackground(INamedTypeSymbol backgroundService) =>
        backgroundService.ContainingAssembly is { } assembly
        && assembly.Name.StartsWith("Microsoft.Extensions.Hosting", System.StringComparison.Ordinal)
        && assembly.Identity.Version.Major >= 10;
}

/// <summary>
/// Answers of <see cref="StartupPathClassifier"/> for one compilation and configuration, per body and nesting depth
/// (a lambda's answer depends on how deep its caller chain already is). Thread-safe; an answer is kept only once
/// it was computed to the end, so a cancelled computation is simply redone.
/// </summary>
internal sealed class StartupClassifications
{
    // One table per depth (0 to 4): reference-type keys keep the tables on the runtime's shared generic code.
    private readonly ConcurrentDictionary<SyntaxNode, StartupBody?>[] _byDepth = new ConcurrentDictionary<SyntaxNode, StartupBody?>[5];

    public bool TryGet(SyntaxNode owner, int depth, out StartupBody? body)
    {
        body = null;
        var table = depth < _byDepth.Length ? Volatile.Read(ref _byDepth[depth]) : null;
        return table is not null && table.TryGetValue(owner, out body);
    }

    /// <summary>Keeps <paramref name="body"/> unless another thread got there first; returns the kept answer.</summary>
    public StartupBody? Add(SyntaxNode owner, int depth, StartupBody? body)
    {
        if (depth >= _byDepth.Length)
        {
            return body;
        }

        var table = Volatile.Read(ref _byDepth[depth]);
        if (table is null)
        {
            Interlocked.CompareExchange(ref _byDepth[depth], new ConcurrentDictionary<SyntaxNode, StartupBody?>(), null);
            table = _byDepth[depth];
        }

        return table.GetOrAdd(owner, body);
    }
}

/// <summary>Where a body's startup part ends: the top-level statement and the source position of the cut.</summary>
internal readonly struct BodyCut
{
    public static readonly BodyCut None = new(int.MaxValue, int.MaxValue);

    public BodyCut(int index, int position)
    {
        Index = index;
        Position = position;
    }

    /// <summary>Index of the top-level statement that holds the cut.</summary>
    public int Index { get; }

    /// <summary>Source position of the cut: units that start after it run after the cut.</summary>
    public int Position { get; }

    /// <summary>
    /// True when <paramref name="unit"/> of top-level statement <paramref name="topLevelIndex"/> runs before
    /// the cut: an earlier statement, or a unit of the cut's own statement that starts at or before the cut
    /// (a loop's body that follows an awaited condition runs after it).
    /// </summary>
    public bool IsBefore(int topLevelIndex, SyntaxNode unit) =>
        topLevelIndex < Index || (topLevelIndex == Index && unit.SpanStart <= Position);
}

/// <summary>An executable body on the startup path, with its top-level statements and ready cut.</summary>
internal sealed class StartupBody
{
    public StartupBody(SyntaxNode owner, StartupKind kind, string displayName, ImmutableArray<SyntaxNode> topLevel, BodyCut cut, bool inBackground, bool isJob)
    {
        IsJob = isJob;
        Owner = owner;
        Kind = kind;
        DisplayName = displayName;
        TopLevel = topLevel;
        Cut = cut;
        InBackground = inBackground;
    }

    public SyntaxNode Owner { get; }

    public StartupKind Kind { get; }

    /// <summary>For messages: <c>Program.Main</c>, <c>top-level statements</c>, <c>ConfigureServices lambda</c>.</summary>
    public string DisplayName { get; }

    public ImmutableArray<SyntaxNode> TopLevel { get; }

    /// <summary>Where startup ends in this body.</summary>
    public BodyCut Cut { get; }

    /// <summary>
    /// True when the body runs on a thread the host does not wait for while the app starts
    /// (<c>BackgroundService.ExecuteAsync</c> with Microsoft.Extensions.Hosting 10 or later).
    /// </summary>
    public bool InBackground { get; }

    /// <summary>
    /// True for the entry point (or a module initializer) of an executable that never becomes ready
    /// (<see cref="StartupPathClassifier.NeverBecomesReady"/>): its work is the program's job, not startup.
    /// </summary>
    public bool IsJob { get; }

    /// <summary>Every unit of the body with whether it runs before the ready cut.</summary>
    public IEnumerable<(SyntaxNode Unit, bool BeforeCut)> Units()
    {
        for (var i = 0; i < TopLevel.Length; i++)
        {
            foreach (var unit in CodeUnits.UnitsWithin(TopLevel[i]))
            {
                yield return (unit, Cut.IsBefore(i, unit));
            }
        }
    }
}
