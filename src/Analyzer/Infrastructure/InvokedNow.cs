using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LazyMigrate.Analyzers.Infrastructure;

/// <summary>
/// Recognises a lambda argument that the called method runs before it returns (or before the task it
/// returns completes): command-line parser callbacks, <c>Parallel</c> and <c>ForEach</c> loops, LINQ
/// whose result is awaited with <c>Task.WhenAll</c> or materialized, and source methods that invoke the
/// delegate parameter themselves. Everything else is a stored callback that runs later, if ever.
/// </summary>
internal static class InvokedNow
{
    // CommandLineParser (namespace CommandLine): ParserResult<T> extension methods run the callback at once.
    private static readonly HashSet<string> s_parserMethods = new() { "WithParsed", "WithParsedAsync", "WithNotParsed", "WithNotParsedAsync", "MapResult" };

    private static readonly HashSet<string> s_parallelMethods = new() { "Invoke", "For", "ForEach", "ForAsync", "ForEachAsync" };

    private static readonly HashSet<string> s_linqMethods = new() { "Select", "SelectMany", "Where" };

    private static readonly HashSet<string> s_materializers = new() { "ToList", "ToArray", "ToDictionary", "ToHashSet", "ToLookup" };

    private static readonly HashSet<string> s_taskCombinators = new() { "WhenAll", "WhenAny", "WaitAll", "WaitAny" };

    /// <summary>The call a lambda is passed to as an argument, and the called name (syntax only).</summary>
    public static bool IsArgumentOfCall(AnonymousFunctionExpressionSyntax lambda, out InvocationExpressionSyntax invocation, out string calledName)
    {
        invocation = null!;
        calledName = string.Empty;
        if (lambda.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } }
            || CodeUnits.InvokedName(call) is not { } name)
        {
            return false;
        }

        invocation = call;
        calledName = name;
        return true;
    }

    /// <summary>True when the method called with <paramref name="lambda"/> runs it before returning.</summary>
    public static bool IsRunBeforeReturn(AnonymousFunctionExpressionSyntax lambda, InvocationExpressionSyntax call, string name, SemanticModel model, CancellationToken cancellationToken)
    {
        if (lambda.Parent is not ArgumentSyntax argument || model.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol method)
        {
            return false;
        }

        var definition = method.ReducedFrom ?? method;
        var container = definition.ContainingType;
        var ns = container is null ? string.Empty : SymbolNames.Namespace(container);
        if (s_parserMethods.Contains(name) && ns == "CommandLine")
        {
            return true;
        }

        if (s_parallelMethods.Contains(name) && container is { Name: "Parallel" } && ns == "System.Threading.Tasks")
        {
            return true;
        }

        if (name == "ForEach" && container is { } owner && ((owner.Name == "List" && ns == "System.Collections.Generic") || (owner.Name == "Array" && ns == "System")))
        {
            return true;
        }

        if (s_linqMethods.Contains(name) && container is { Name: "Enumerable" } && ns == "System.Linq")
        {
            return IsConsumedAtOnce(call, model, cancellationToken);
        }

        return definition.DeclaringSyntaxReferences.Length > 0
            && model.GetOperation(argument, cancellationToken) is IArgumentOperation { Parameter: { } parameter }
            && InvokesParameter(definition, parameter.Name, cancellationToken);
    }

    // items.Select(x => ...) (possibly followed by more LINQ) passed to Task.WhenAll/WaitAll, or materialized.
    private static bool IsConsumedAtOnce(InvocationExpressionSyntax call, SemanticModel model, CancellationToken cancellationToken)
    {
        SyntaxNode current = call;
        while (true)
        {
            if (current.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax next } member && member.Expression == current)
            {
                var nextName = member.Name.Identifier.ValueText;
                if (s_materializers.Contains(nextName))
                {
                    return true;
                }

                if (s_linqMethods.Contains(nextName) || nextName is "OrderBy" or "Take" or "Skip" or "Distinct")
                {
                    current = next;
                    continue;
                }

                return false;
            }

            if (current.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax consumer } }
                && CodeUnits.InvokedName(consumer) is { } consumerName
                && s_taskCombinators.Contains(consumerName))
            {
                return model.GetSymbolInfo(consumer, cancellationToken).Symbol is IMethodSymbol { ContainingType: { Name: "Task" } task }
                    && SymbolNames.Namespace(task) == "System.Threading.Tasks";
            }

            return false;
        }
    }

    // The source method calls its delegate parameter itself: body(), body.Invoke(), await body(x).
    private static bool InvokesParameter(IMethodSymbol method, string parameterName, CancellationToken cancellationToken)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var declaration = reference.GetSyntax(cancellationToken);
            foreach (var node in declaration.DescendantNodes(n => n == declaration || !CodeUnits.IsCodeBoundary(n)))
            {
                if (node is InvocationExpressionSyntax invoked
                    && invoked.Expression switch
                    {
                        IdentifierNameSyntax identifier => identifier.Identifier.ValueText == parameterName,
                        MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax target, Name.Identifier.ValueText: "Invoke" } => target.Identifier.ValueText == parameterName,
                        _ => false,
                    })
                {
                    return true;
                }
            }
        }

        return false;
    }
}
