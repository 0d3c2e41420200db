using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LazyMigrate.Analyzers.Infrastructure;

/// <summary>An <c>AddSingleton(instance)</c>-style registration whose instance is heavy and built at registration.</summary>
internal sealed class EagerSingleton
{
    public EagerSingleton(ExpressionSyntax instance, ITypeSymbol instanceType, HeavyInfo info, ITypeSymbol serviceType)
    {
        Instance = instance;
        InstanceType = instanceType;
        Info = info;
        ServiceType = serviceType;
    }

    /// <summary>The instance argument (the LZM0003 location).</summary>
    public ExpressionSyntax Instance { get; }

    public ITypeSymbol InstanceType { get; }

    public HeavyInfo Info { get; }

    public ITypeSymbol ServiceType { get; }
}

/// <summary>Recognises eager DI singleton registrations (Microsoft.Extensions.DependencyInjection).</summary>
internal static class SingletonRegistration
{
    private static readonly HashSet<string> s_methods = new() { "AddSingleton", "TryAddSingleton", "AddKeyedSingleton", "TryAddKeyedSingleton" };

    /// <summary>Cheap syntax test: the invoked name is one of the singleton registration methods.</summary>
    public static bool IsCandidate(InvocationExpressionSyntax invocation) =>
        CodeUnits.InvokedName(invocation) is { } name && s_methods.Contains(name);

    public static EagerSingleton? Analyze(InvocationExpressionSyntax invocation, SemanticModel model, HeavyTypeResolver resolver, CancellationToken cancellationToken)
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

        if (model.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation)
        {
            return null;
        }

        ExpressionSyntax? instance = null;
        ITypeSymbol? declaredServiceType = null;
        foreach (var argument in operation.Arguments)
        {
            var parameter = argument.Parameter;
            if (parameter is null || argument.Syntax is not ArgumentSyntax syntax)
            {
                continue;
            }

            if (parameter.Name is "implementationInstance" or "instance")
            {
                instance = syntax.Expression;
            }
            else if (parameter.Name == "serviceType" && syntax.Expression is TypeOfExpressionSyntax typeOf)
            {
                declaredServiceType = model.GetTypeInfo(typeOf.Type, cancellationToken).Type;
            }
        }

        if (instance is null || !IsBuiltHere(instance, model, cancellationToken))
        {
            return null;
        }

        var instanceType = model.GetTypeInfo(instance, cancellationToken).Type;
        if (instanceType is null || resolver.GetHeavyWork(instanceType) is not { } info)
        {
            return null;
        }

        var serviceType = method.TypeArguments.Length > 0 ? method.TypeArguments[0] : declaredServiceType ?? instanceType;
        return new EagerSingleton(instance, instanceType, info, serviceType);
    }

    // Built at registration: a creation or call right here, or a local holding one. Fields and
    // parameters were built elsewhere: not this registration's doing.
    private static bool IsBuiltHere(ExpressionSyntax instance, SemanticModel model, CancellationToken cancellationToken)
    {
        while (instance is ParenthesizedExpressionSyntax parenthesized)
        {
            instance = parenthesized.Expression;
        }

        return instance switch
        {
            BaseObjectCreationExpressionSyntax or InvocationExpressionSyntax => true,
            IdentifierNameSyntax identifier => model.GetSymbolInfo(identifier, cancellationToken).Symbol is ILocalSymbol,
            _ => false,
        };
    }
}
