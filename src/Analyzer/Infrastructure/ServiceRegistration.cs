using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LazyMigrate.Analyzers.Infrastructure;

/// <summary>
/// Recognises dependency-injection registrations: a call on an <c>IServiceCollection</c>, or on a builder
/// that exposes one through a <c>Services</c> property (<c>IdentityBuilder</c>, <c>WebApplicationBuilder</c>…),
/// made by a method that returns such a receiver or nothing (<c>AddDbContext&lt;T&gt;</c>,
/// <c>AddEntityFrameworkStores&lt;T&gt;</c>, <c>AddSingleton&lt;T&gt;(sp =&gt; …)</c>). A registration builds
/// nothing: the types it names cost the load of their assembly when the calling method is compiled.
/// </summary>
internal static class ServiceRegistration
{
    /// <summary>
    /// A registration names its types only to record them; they cost an assembly load (≈ 2 ms) whatever
    /// method the registration sits in, and it runs during startup, so moving it defers nothing.
    /// </summary>
    public static bool IsRegistrationNode(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken) =>
        node is InvocationExpressionSyntax invocation && IsRegistration(invocation, model, cancellationToken);

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
