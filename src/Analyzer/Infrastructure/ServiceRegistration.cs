using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LazyMigrate.Analyzers.Infrastructure;

/// <summary>
/// One service registration (Microsoft.Extensions.DependencyInjection): what the container builds when
/// the service is resolved. Exactly one of <see cref="Implementation"/> and <see cref="Factory"/> is set,
/// or neither for an instance registration (the instance is built where it is registered).
/// </summary>
internal sealed class ServiceRegistration
{
    private static readonly HashSet<string> s_methods = new()
    {
        "AddSingleton", "AddScoped", "AddTransient", "TryAddSingleton", "TryAddScoped", "TryAddTransient",
        "AddKeyedSingleton", "AddKeyedScoped", "AddKeyedTransient", "TryAddKeyedSingleton", "TryAddKeyedScoped", "TryAddKeyedTransient",
        "AddHostedService",
    };

    private ServiceRegistration(ITypeSymbol serviceType, INamedTypeSymbol? implementation, SyntaxNode? factory, bool isHostedService)
    {
        ServiceType = serviceType;
        Implementation = implementation;
        Factory = factory;
        IsHostedService = isHostedService;
    }

    public ITypeSymbol ServiceType { get; }

    /// <summary>The class the container constructs (through its constructor and field initializers).</summary>
    public INamedTypeSymbol? Implementation { get; }

    /// <summary>The factory the container calls on first resolve: a lambda, or a method group's expression.</summary>
    public SyntaxNode? Factory { get; }

    /// <summary>AddHostedService: the host builds and starts it when it starts.</summary>
    public bool IsHostedService { get; }

    /// <summary>Cheap syntax test on the invoked name.</summary>
    public static bool IsCandidate(InvocationExpressionSyntax invocation) =>
        CodeUnits.InvokedName(invocation) is { } name && s_methods.Contains(name);

    public static ServiceRegistration? Analyze(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method)
        {
            return null;
        }

        var definition = method.ReducedFrom ?? method;
        var ns = SymbolNames.Namespace(definition);
        if (!s_methods.Contains(definition.Name) || !(ns == "Microsoft.Extensions.DependencyInjection" || ns == "Microsoft.Extensions.DependencyInjection.Extensions"))
        {
            return null;
        }

        ITypeSymbol? serviceType = method.TypeArguments.Length > 0 ? method.TypeArguments[0] : null;
        var implementation = method.TypeArguments.Length > 1 ? method.TypeArguments[1] as INamedTypeSymbol : null;
        SyntaxNode? factory = null;
        var hasInstance = false;
        if (model.GetOperation(invocation, cancellationToken) is IInvocationOperation operation)
        {
            foreach (var argument in operation.Arguments)
            {
                if (argument.Parameter is not { } parameter || argument.Syntax is not ArgumentSyntax syntax)
                {
                    continue;
                }

                switch (parameter.Name)
                {
                    case "serviceType" when syntax.Expression is TypeOfExpressionSyntax typeOf:
                        serviceType = model.GetTypeInfo(typeOf.Type, cancellationToken).Type;
                        break;
                    case "implementationType" when syntax.Expression is TypeOfExpressionSyntax typeOf:
                        implementation = model.GetTypeInfo(typeOf.Type, cancellationToken).Type as INamedTypeSymbol;
                        break;
                    case "implementationFactory" or "factory":
                        factory = syntax.Expression;
                        break;
                    case "implementationInstance" or "instance":
                        hasInstance = true;
                        break;
                }
            }
        }

        if (serviceType is null)
        {
            return null;
        }

        var isHosted = definition.Name == "AddHostedService";
        if (factory is null && !hasInstance && implementation is null)
        {
            implementation = serviceType as INamedTypeSymbol;
        }

        return new ServiceRegistration(isHosted && implementation is not null ? implementation : serviceType, factory is null ? implementation : null, factory, isHosted);
    }

    // Registration calls in general (AddDbContext<T>, AddEntityFrameworkStores<T>, any Add*/TryAdd* on an
    // IServiceCollection or a builder exposing one as Services): a registration builds nothing; the types it
    // names cost only the load of their assembly when the calling method is compiled.

    /// <summary>
    /// A registration names its types only to record them; they cost an assembly load (≈ 2 ms) whatever
    /// method the registration sits in, and it runs during startup, so moving it defers nothing.
    /// </summary>
    public static bool IsRegistrationNode(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken) =>
        node is InvocationExpressionSyntax invocation && IsRegistration(invocation, model, cancellationToken);

    /// <summary>
    /// A registration through a package's own method (AddDbContext&lt;T&gt;, AddEntityFrameworkStores&lt;T&gt;, AddAzureClients…),
    /// not one of the container's generic lifetimes (AddSingleton, AddScoped, AddTransient and their TryAdd and
    /// keyed forms). Calling such a method loads its package anyway, so the types it names add nothing that
    /// moving the call could defer. The generic lifetimes live in the container's own assembly: a heavy type
    /// they name (written or inferred, also as a factory's return type) is the only reason its assembly loads.
    /// </summary>
    public static bool IsPackageRegistrationNode(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken) =>
        node is InvocationExpressionSyntax invocation
        && IsRegistration(invocation, model, cancellationToken)
        && !IsLifetimeRegistration(invocation, model, cancellationToken);

    /// <summary>True when <paramref name="invocation"/> is one of the container's generic lifetimes (AddSingleton…, AddHostedService).</summary>
    public static bool IsLifetimeRegistration(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken) =>
        IsCandidate(invocation) && Analyze(invocation, model, cancellationToken) is not null;

    /// <summary>True when <paramref name="invocation"/> registers services rather than building them.</summary>
    public static bool IsRegistration(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        if (CodeUnits.InvokedName(invocation) is not { } name || !name.StartsWith("Add", System.StringComparison.Ordinal) && !name.StartsWith("TryAdd", System.StringComparison.Ordinal))
        {
            return false;
        }

        if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method)
        {
            return false;
        }

        var receiver = method.ReducedFrom is not null ? method.ReceiverType
            : method.IsExtensionMethod && method.Parameters.Length > 0 ? method.Parameters[0].Type
            : method.ContainingType;
        if (receiver is not INamedTypeSymbol receiverType || !IsRegistrationTarget(receiverType))
        {
            return false;
        }

        return method.ReturnsVoid || method.ReturnType is INamedTypeSymbol returned && IsRegistrationTarget(returned);
    }

    private static bool IsRegistrationTarget(INamedTypeSymbol type)
    {
        if (IsServiceCollection(type))
        {
            return true;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers("Services"))
            {
                if (member is IPropertySymbol { Type: INamedTypeSymbol services } && IsServiceCollection(services))
                {
                    return true;
                }
            }
        }

        foreach (var @interface in type.AllInterfaces)
        {
            foreach (var member in @interface.GetMembers("Services"))
            {
                if (member is IPropertySymbol { Type: INamedTypeSymbol services } && IsServiceCollection(services))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsServiceCollection(INamedTypeSymbol type)
    {
        if (type.Name == "IServiceCollection")
        {
            return true;
        }

        foreach (var @interface in type.AllInterfaces)
        {
            if (@interface.Name == "IServiceCollection")
            {
                return true;
            }
        }

        return false;
    }
}
