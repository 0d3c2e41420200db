using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LazyMigrate.Analyzers.Infrastructure;

/// <summary>Recognises a lazy proxy being forced: <c>Lazy&lt;Heavy&gt;.Value</c>, LazyValue.Value/Get&lt;T&gt;/GetOrDefault&lt;T&gt;, EnsureLoaded, GetValueAsync.</summary>
internal static class LazyForcing
{
    /// <summary>The receiver expression whose lazy value this node forces, or null when the node forces nothing.</summary>
    public static ExpressionSyntax? ForcedReceiver(SyntaxNode node, SemanticModel model, HeavyTypeResolver resolver, CancellationToken cancellationToken)
    {
        switch (node)
        {
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Value" } member
                when member.Parent is not InvocationExpressionSyntax invoked || invoked.Expression != member:
            {
                if (model.GetTypeInfo(member.Expression, cancellationToken).Type is not INamedTypeSymbol type)
                {
                    return null;
                }

                if (LazyMigrateEnvironment.IsSystemLazy(type.OriginalDefinition))
                {
                    return type.TypeArguments.Length == 1 && resolver.GetHeavyWork(type.TypeArguments[0]) is not null ? member.Expression : null;
                }

                return LazyMigrateEnvironment.IsLazyMigrateType(type, "LazyValue") || LazyMigrateEnvironment.IsLazyMigrateType(type.OriginalDefinition, "LazyValue`1")
                    ? member.Expression
                    : null;
            }

            case InvocationExpressionSyntax invocation when invocation.Expression is MemberAccessExpressionSyntax member
                && member.Name.Identifier.ValueText is "Get" or "GetOrDefault" or "EnsureLoaded" or "EnsureLoadedAsync" or "GetValueAsync":
            {
                if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method)
                {
                    return null;
                }

                var container = method.ContainingType?.OriginalDefinition;
                var forces = method.Name switch
                {
                    "Get" or "GetOrDefault" => LazyMigrateEnvironment.IsLazyMigrateType(container, "LazyValue"),
                    "EnsureLoaded" or "EnsureLoadedAsync" => LazyMigrateEnvironment.IsLazyMigrateType(container, "LazyPackage"),
                    _ => LazyMigrateEnvironment.IsLazyMigrateType(container, "AsyncLazyValue`1"),
                };
                return forces ? member.Expression : null;
            }

            default:
                return null;
        }
    }
}
