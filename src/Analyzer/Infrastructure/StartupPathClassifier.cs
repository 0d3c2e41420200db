using System.Collections.Generic;
using System.Collections.Immutable;
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
    public static StartupBody? Classify(SyntaxNode owner, SemanticModel model, LazyMigrateOptions options, CancellationToken cancellationToken)
    {
        var kind = Kind(owner, model, options, cancellationToken, out var displayName, out var cutAtFirstAwait);
        if (kind is null)
        {
            return null;
        }

        var topLevel = CodeUnits.TopLevel(owner);
        var cut = FindCut(topLevel, model, options, cutAtFirstAwait, cancellationToken);
        return new StartupBody(owner, kind.Value, displayName, topLevel, cut);
    }

    private static StartupKind? Kind(SyntaxNode owner, SemanticModel model, LazyMigrateOptions options, CancellationToken cancellationToken, out string displayName, out bool cutAtFirstAwait)
    {
        displayName = string.Empty;
        cutAtFirstAwait = false;
        switch (owner)
        {
            case CompilationUnitSyntax unit:
                foreach (var member in unit.Members)
                {
                    if (member is GlobalStatementSyntax)
                    {
                        displayName = "top-level statements";
                        return StartupKind.TopLevel;
                    }
                }

                return null;

            case MethodDeclarationSyntax method:
                return MethodKind(method, model, options, cancellationToken, out displayName, out cutAtFirstAwait);

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

                displayName = SymbolNames.Short(ctor);
                if (options.StartupMethods.Matches(SymbolNames.MethodName(ctor)))
                {
                    return StartupKind.Configured;
                }

                return Implements(ctor.ContainingType, "IHostedService") ? StartupKind.HostedService : null;

            case AnonymousFunctionExpressionSyntax lambda:
                if (IsHostConfigurationLambda(lambda, model, cancellationToken, out var methodName))
                {
                    displayName = methodName + " lambda";
                    return StartupKind.HostConfiguration;
                }

                return null;

            default:
                return null;
        }
    }

    private static StartupKind? MethodKind(MethodDeclarationSyntax method, SemanticModel model, LazyMigrateOptions options, CancellationToken cancellationToken, out string displayName, out bool cutAtFirstAwait)
    {
        displayName = string.Empty;
        cutAtFirstAwait = false;
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

        if (name == "ExecuteAsync" && !isStatic && DerivesFrom(type, "BackgroundService"))
        {
            // ExecuteAsync runs synchronously inside StartAsync up to its first await.
            cutAtFirstAwait = true;
            return StartupKind.HostedService;
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
        }

        return options.ReadyMethods.Matches(SymbolNames.MethodName(definition));
    }

    private static int FindCut(ImmutableArray<SyntaxNode> topLevel, SemanticModel model, LazyMigrateOptions options, bool cutAtFirstAwait, CancellationToken cancellationToken)
    {
        for (var i = 0; i < topLevel.Length; i++)
        {
            foreach (var unit in CodeUnits.UnitsWithin(topLevel[i]))
            {
                foreach (var node in CodeUnits.OwnNodes(unit))
                {
                    if (cutAtFirstAwait && node is AwaitExpressionSyntax)
                    {
                        return i;
                    }

                    if (node is InvocationExpressionSyntax invocation && IsReadyCall(invocation, model, options, cancellationToken))
                    {
                        return i;
                    }
                }

                if (cutAtFirstAwait && unit is ForEachStatementSyntax { AwaitKeyword.RawKind: (int)SyntaxKind.AwaitKeyword })
                {
                    return i;
                }
            }
        }

        return int.MaxValue;
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

    private static bool DerivesFrom(INamedTypeSymbol type, string baseName)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.Name == baseName)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>An executable body on the startup path, with its top-level statements and ready cut.</summary>
internal sealed class StartupBody
{
    public StartupBody(SyntaxNode owner, StartupKind kind, string displayName, ImmutableArray<SyntaxNode> topLevel, int cutIndex)
    {
        Owner = owner;
        Kind = kind;
        DisplayName = displayName;
        TopLevel = topLevel;
        CutIndex = cutIndex;
    }

    public SyntaxNode Owner { get; }

    public StartupKind Kind { get; }

    /// <summary>For messages: <c>Program.Main</c>, <c>top-level statements</c>, <c>ConfigureServices lambda</c>.</summary>
    public string DisplayName { get; }

    public ImmutableArray<SyntaxNode> TopLevel { get; }

    /// <summary>Index of the top-level statement that ends startup; later ones are after the ready cut.</summary>
    public int CutIndex { get; }

    /// <summary>Every unit of the body with whether it runs before the ready cut.</summary>
    public IEnumerable<(SyntaxNode Unit, bool BeforeCut)> Units()
    {
        for (var i = 0; i < TopLevel.Length; i++)
        {
            foreach (var unit in CodeUnits.UnitsWithin(TopLevel[i]))
            {
                yield return (unit, i <= CutIndex);
            }
        }
    }
}
