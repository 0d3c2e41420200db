using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LazyMigrate.Analyzers.Infrastructure;

/// <summary>Recognises service resolutions (GetService, GetRequiredService, keyed variants) and the type they resolve.</summary>
internal static class ServiceResolution
{
    private static readonly HashSet<string> s_methods = new()
    {
        "GetService", "GetRequiredService", "GetKeyedService", "GetRequiredKeyedService", "GetServices", "GetKeyedServices",
    };

    public static bool IsCandidate(InvocationExpressionSyntax invocation) =>
        CodeUnits.InvokedName(invocation) is { } name && s_methods.Contains(name);

    /// <summary>The heavy type the invocation resolves, or null.</summary>
    public static (ITypeSymbol Type, HeavyInfo Info)? HeavyResolved(InvocationExpressionSyntax invocation, SemanticModel model, HeavyTypeResolver resolver, CancellationToken cancellationToken) =>
        Resolved(invocation, model, cancellationToken) is { } resolved && resolver.GetHeavyWork(resolved) is { } info ? (resolved, info) : null;

    /// <summary>The service type a GetService-style invocation resolves (heavy or not), or null.</summary>
    public static ITypeSymbol? Resolved(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method)
        {
            return null;
        }

        var definition = method.ReducedFrom ?? method;
        var container = definition.ContainingType;
        var ns = container is null ? string.Empty : SymbolNames.Namespace(container);
        var isResolver = ns == "Microsoft.Extensions.DependencyInjection"
            || (container is not null && container.Name is "IServiceProvider" or "IKeyedServiceProvider" or "ServiceProvider");
        if (!isResolver)
        {
            return null;
        }

        ITypeSymbol? resolved = null;
        if (method.TypeArguments.Length == 1)
        {
            resolved = method.TypeArguments[0];
        }
        else
        {
            foreach (var argument in invocation.ArgumentList.Arguments)
            {
                if (argument.Expression is TypeOfExpressionSyntax typeOf)
                {
                    resolved = model.GetTypeInfo(typeOf.Type, cancellationToken).Type;
                    break;
                }
            }
        }

        return resolved;
    }
}
