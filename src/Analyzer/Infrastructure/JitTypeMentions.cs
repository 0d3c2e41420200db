using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LazyMigrate.Analyzers.Infrastructure;

/// <summary>A heavy type the IL of a unit references, and the syntax that makes it reference it.</summary>
internal readonly struct TypeMention
{
    public TypeMention(SyntaxNode syntax, ITypeSymbol type, HeavyInfo info, bool isWritten)
    {
        Syntax = syntax;
        Type = type;
        Info = info;
        IsWritten = isWritten;
    }

    /// <summary>The type name as written, or the expression/declaration that references the type implicitly.</summary>
    public SyntaxNode Syntax { get; }

    /// <summary>The heavy type itself (the element of <c>List&lt;Heavy&gt;</c>, of <c>Heavy[]</c>).</summary>
    public ITypeSymbol Type { get; }

    public HeavyInfo Info { get; }

    /// <summary>True when the source spells the type name; false for a type only the compiled code names.</summary>
    public bool IsWritten { get; }
}

/// <summary>
/// The types a unit's compiled code makes the JIT load (docs/clr-loading.md, "When the JIT loads a type"):
/// type names written in source and the types the IL references without them being written: the type of
/// a <c>var</c> local or pattern variable, the return type and declaring type of every called method,
/// property and operator, the type of a struct field read, generic arguments, <c>new</c>, casts, boxing,
/// type patterns, <c>typeof</c>, <c>default</c> of a struct, <c>catch</c> types, delegate types, the
/// enumerator and element types of <c>foreach</c>, awaited types (the awaiter is a field of the state
/// machine) and heavy variables captured by a lambda or local function (fields of the closure class).
/// Lambda and local function bodies are not entered: each is a method of its own, compiled when first
/// called. Parameter types of called methods are not counted: the JIT does not load a reference-type
/// parameter's type to compile a call.
/// </summary>
internal static class JitTypeMentions
{
    /// <summary>
    /// The first heavy type the unit's own code (<see cref="CodeUnits.OwnNodes"/>) references: a written
    /// name first (outermost, pre-order), otherwise the first implicit reference in source order.
    /// <paramref name="skip"/> excludes whole subtrees (e.g. DI registrations); <paramref name="includeImplicit"/>
    /// false looks at written names only.
    /// </summary>
    public static TypeMention? FindFirst(SyntaxNode unit, bool isUnit, SemanticModel model, HeavyTypeResolver resolver, System.Func<SyntaxNode, bool>? skip, CancellationToken cancellationToken, bool includeImplicit = true)
    {
        if (HeavyExpressions.FindHeavyTypeName(unit, isUnit, model, resolver, cancellationToken, skip) is { } named)
        {
            return new TypeMention(named.Syntax, named.Type, named.Info, isWritten: true);
        }

        if (!isUnit)
        {
            return null;
        }

        // Creating a delegate names its type in the unit's own code, whether or not the lambda ever runs
        // (Func<IServiceProvider, Heavy> for a factory, Func<Heavy, string> for a handler taking a Heavy).
        // Nothing is built, so no other rule reports it: it counts wherever the unit is.
        if (FindDelegateType(unit, model, resolver, skip, cancellationToken) is { } created)
        {
            return created;
        }

        if (!includeImplicit)
        {
            return null;
        }

        TypeMention? first = null;
        foreach (var mention in Implicit(unit, model, resolver, skip, cancellationToken))
        {
            // The earliest, and of those starting together the innermost: the expression that has the type.
            if (first is null || mention.Syntax.SpanStart < first.Value.Syntax.SpanStart
                || (mention.Syntax.SpanStart == first.Value.Syntax.SpanStart && mention.Syntax.Span.Length < first.Value.Syntax.Span.Length))
            {
                first = mention;
            }
        }

        return first;
    }

    /// <summary>
    /// The first lambda of the unit (own nodes) whose delegate type has a heavy part: the unit's code creates
    /// that delegate, so compiling it loads the type even though the lambda's body is a method of its own.
    /// </summary>
    public static TypeMention? FindDelegateType(SyntaxNode unit, SemanticModel model, HeavyTypeResolver resolver, System.Func<SyntaxNode, bool>? skip, CancellationToken cancellationToken)
    {
        foreach (var node in CodeUnits.OwnNodes(unit))
        {
            if (node == unit || node is not AnonymousFunctionExpressionSyntax lambda || IsSkipped(node, unit, skip))
            {
                continue;
            }

            // The delegate creation shares the lambda's syntax: it is the anonymous function's parent (under a
            // conversion to Delegate when the parameter is untyped, as for MapGet).
            for (var operation = model.GetOperation(lambda, cancellationToken); operation is not null && operation.Syntax == lambda; operation = operation.Parent)
            {
                if (operation is IDelegateCreationOperation creation)
                {
                    if (HeavyPart(creation.Type, resolver) is { } heavy)
                    {
                        return new TypeMention(lambda, heavy.Type, heavy.Info, isWritten: false);
                    }

                    break;
                }
            }
        }

        return null;
    }

    /// <summary>True when any code of <paramref name="unit"/> (own nodes) makes the JIT load a heavy type.</summary>
    public static bool Any(SyntaxNode unit, SemanticModel model, HeavyTypeResolver resolver, System.Func<SyntaxNode, bool>? skip, CancellationToken cancellationToken)
        => FindFirst(unit, isUnit: true, model, resolver, skip, cancellationToken) is not null;

    /// <summary>The first heavy part of a type: itself, an array's element, a generic argument (also of containing types).</summary>
    public static (ITypeSymbol Type, HeavyInfo Info)? HeavyPart(ITypeSymbol? type, HeavyTypeResolver resolver)
    {
        for (var depth = 0; type is not null && depth < 8; depth++)
        {
            switch (type)
            {
                case IArrayTypeSymbol array:
                    type = array.ElementType;
                    continue;
                case IPointerTypeSymbol pointer:
                    type = pointer.PointedAtType;
                    continue;
                case INamedTypeSymbol named:
                    if (resolver.GetHeavy(named) is { } info)
                    {
                        return (named, info);
                    }

                    for (var current = named; current is not null; current = current.ContainingType)
                    {
                        foreach (var argument in current.TypeArguments)
                        {
                            if (HeavyPart(argument, resolver) is { } inner)
                            {
                                return inner;
                            }
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }

        return null;
    }

    private static IEnumerable<TypeMention> Implicit(SyntaxNode unit, SemanticModel model, HeavyTypeResolver resolver, System.Func<SyntaxNode, bool>? skip, CancellationToken cancellationToken)
    {
        var seen = new HashSet<IOperation>();
        foreach (var node in CodeUnits.OwnNodes(unit))
        {
            if (node != unit && CodeUnits.IsCodeBoundary(node))
            {
                // A lambda or local function: its body is compiled on its own; what it captures is not.
                foreach (var captured in Captured(node, model, cancellationToken))
                {
                    if (HeavyPart(captured, resolver) is { } heavy)
                    {
                        yield return new TypeMention(node, heavy.Type, heavy.Info, isWritten: false);
                    }
                }

                continue;
            }

            if (IsSkipped(node, unit, skip))
            {
                continue;
            }

            var operation = model.GetOperation(node, cancellationToken);
            if (operation is null || !seen.Add(operation))
            {
                continue;
            }

            // A loop's enumerator and element types are reported at its collection, not the whole statement.
            var location = node is CommonForEachStatementSyntax forEach ? forEach.Expression : node;
            foreach (var type in Referenced(operation, model, cancellationToken))
            {
                if (HeavyPart(type, resolver) is { } heavy)
                {
                    yield return new TypeMention(location, heavy.Type, heavy.Info, isWritten: false);
                }
            }
        }
    }

    private static bool IsSkipped(SyntaxNode node, SyntaxNode unit, System.Func<SyntaxNode, bool>? skip)
    {
        if (skip is null)
        {
            return false;
        }

        for (var current = node; current is not null; current = current.Parent)
        {
            if (skip(current))
            {
                return true;
            }

            if (current == unit)
            {
                break;
            }
        }

        return false;
    }

    /// <summary>The types one operation's own IL references (not its children's).</summary>
    private static IEnumerable<ITypeSymbol?> Referenced(IOperation operation, SemanticModel model, CancellationToken cancellationToken)
    {
        switch (operation)
        {
            case IVariableDeclaratorOperation declarator:
                yield return declarator.Symbol.Type;
                break;
            case IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol local } declaration:
                yield return local.Type;
                yield return declaration.MatchedType;
                break;
            case ITypePatternOperation typePattern:
                yield return typePattern.MatchedType;
                break;
            case IRecursivePatternOperation recursive:
                yield return recursive.MatchedType;
                break;
            case IInvocationOperation invocation:
                foreach (var type in MethodTypes(invocation.TargetMethod))
                {
                    yield return type;
                }

                break;
            case IObjectCreationOperation creation:
                yield return creation.Type;
                break;
            case IPropertyReferenceOperation property:
                yield return property.Property.Type;
                yield return property.Property.ContainingType;
                break;
            case IFieldReferenceOperation field:
                // Reading a field resolves its declaring type; the field's own type only when it is a struct.
                yield return field.Field.ContainingType;
                if (field.Field.Type.IsValueType)
                {
                    yield return field.Field.Type;
                }

                break;
            case IEventReferenceOperation @event:
                yield return @event.Event.ContainingType;
                break;
            case IMethodReferenceOperation method:
                foreach (var type in MethodTypes(method.Method))
                {
                    yield return type;
                }

                break;
            case IDelegateCreationOperation delegateCreation:
                yield return delegateCreation.Type;
                break;
            case IConversionOperation conversion:
                if (conversion.OperatorMethod is { } userDefined)
                {
                    foreach (var type in MethodTypes(userDefined))
                    {
                        yield return type;
                    }
                }

                var boxing = conversion.Operand.Type is { IsValueType: true } && conversion.Type is { IsReferenceType: true };
                var unboxing = conversion.Operand.Type is { IsReferenceType: true } && conversion.Type is { IsValueType: true };
                if (!conversion.IsImplicit || boxing || unboxing)
                {
                    // castclass/isinst/unbox name the target type, box the struct being boxed.
                    yield return conversion.Type;
                    if (boxing)
                    {
                        yield return conversion.Operand.Type;
                    }
                }

                break;
            case IIsTypeOperation isType:
                yield return isType.TypeOperand;
                break;
            case ITypeOfOperation typeOf:
                yield return typeOf.TypeOperand;
                break;
            case IDefaultValueOperation { Type.IsValueType: true } defaultValue:
                yield return defaultValue.Type;
                break;
            case IArrayCreationOperation arrayCreation:
                yield return arrayCreation.Type;
                break;
            case IBinaryOperation { OperatorMethod: { } binaryOperator }:
                foreach (var type in MethodTypes(binaryOperator))
                {
                    yield return type;
                }

                break;
            case IUnaryOperation { OperatorMethod: { } unaryOperator }:
                foreach (var type in MethodTypes(unaryOperator))
                {
                    yield return type;
                }

                break;
            case ICatchClauseOperation catchClause:
                yield return catchClause.ExceptionType;
                break;
            case IAwaitOperation awaited:
                // The awaiter (TaskAwaiter<Heavy>) becomes a field of the state machine.
                yield return awaited.Operation.Type;
                yield return awaited.Type;
                break;
            case IForEachLoopOperation loop when loop.Syntax is CommonForEachStatementSyntax forEach:
                var info = model.GetForEachStatementInfo(forEach);
                yield return loop.Collection.Type;
                yield return info.GetEnumeratorMethod?.ReturnType;
                yield return info.ElementType;
                yield return info.CurrentProperty?.ContainingType;
                break;
            case IUsingOperation { Resources: { } resource } when resource is not IVariableDeclarationGroupOperation && resource.Type is { IsValueType: true } resourceType:
                yield return resourceType;
                break;
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    private static IEnumerable<ITypeSymbol?> MethodTypes(IMethodSymbol method)
    {
        yield return method.ReturnsVoid ? null : method.ReturnType;
        yield return method.ContainingType;
        foreach (var argument in method.TypeArguments)
        {
            yield return argument;
        }
    }

    private static IEnumerable<ITypeSymbol> Captured(SyntaxNode function, SemanticModel model, CancellationToken cancellationToken)
    {
        DataFlowAnalysis? flow = function switch
        {
            AnonymousFunctionExpressionSyntax lambda => model.AnalyzeDataFlow(lambda),
            LocalFunctionStatementSyntax local => local.Body is { } body ? model.AnalyzeDataFlow(body) : local.ExpressionBody is { } arrow ? model.AnalyzeDataFlow(arrow.Expression) : null,
            _ => null,
        };

        if (flow is null || !flow.Succeeded)
        {
            yield break;
        }

        cancellationToken.ThrowIfCancellationRequested();
        foreach (var symbol in flow.CapturedInside)
        {
            var type = symbol switch
            {
                ILocalSymbol local => local.Type,
                IParameterSymbol { IsThis: false } parameter => parameter.Type,
                _ => null,
            };
            if (type is not null && symbol.ContainingSymbol is IMethodSymbol owner && !IsInside(owner, function))
            {
                yield return type;
            }
        }
    }

    private static bool IsInside(IMethodSymbol owner, SyntaxNode function)
    {
        foreach (var reference in owner.DeclaringSyntaxReferences)
        {
            if (function.Span.Contains(reference.Span))
            {
                return true;
            }
        }

        return false;
    }
}
