using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LazyMigrate.Analyzers.Infrastructure;
using LazyMigrate.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LazyMigrate.CodeFixes.Rules;

/// <summary>
/// Decides which instance fields a constructor's heavy work can be deferred for, and which of the
/// constructor's statements move into their lazy factories. The plan only exists when deferring is
/// invisible to the rest of the class: every moved expression reads nothing that could change between
/// the constructor and first use (no locals or parameters, no instance members other than readonly
/// fields already assigned and the deferred fields themselves), and every later statement that
/// touches a deferred field either builds another deferred field or is a call on that field
/// (<c>_connection.Open();</c>), which then runs right after the value is built.
/// </summary>
internal sealed class LZM0008ConstructorStatePlan
{
    private LZM0008ConstructorStatePlan(IReadOnlyList<DeferredField> fields) => Fields = fields;

    /// <summary>The deferred fields, in constructor order.</summary>
    public IReadOnlyList<DeferredField> Fields { get; }

    /// <summary>One deferred field: its declaration, the constructor assignment and the calls that follow it.</summary>
    public sealed class DeferredField
    {
        public DeferredField(IFieldSymbol symbol, FieldDeclarationSyntax declaration, ExpressionStatementSyntax assignment, ExpressionSyntax value)
        {
            Symbol = symbol;
            Declaration = declaration;
            Assignment = assignment;
            Value = value;
        }

        public IFieldSymbol Symbol { get; }

        public FieldDeclarationSyntax Declaration { get; }

        public ExpressionStatementSyntax Assignment { get; }

        public ExpressionSyntax Value { get; }

        /// <summary>Statements that only act on the field's value (moved into the factory, in order).</summary>
        public List<ExpressionStatementSyntax> Calls { get; } = new();
    }

    /// <summary>
    /// The plan for the constructor <paramref name="statement"/> belongs to, starting at that
    /// statement (a heavy field assignment). Later field assignments are deferred too when they are
    /// heavy (<paramref name="environment"/>) or read a deferred field. Null when no safe plan exists.
    /// </summary>
    public static LZM0008ConstructorStatePlan? TryCreate(
        ConstructorDeclarationSyntax ctor, StatementSyntax statement, SemanticModel model,
        LazyMigrateEnvironment? environment, CancellationToken cancellationToken)
    {
        if (ctor.Body is not { } body || ctor.Modifiers.Any(SyntaxKind.StaticKeyword)
            || ctor.Initializer is { } initializer && initializer.IsKind(SyntaxKind.ThisConstructorInitializer)
            || model.GetDeclaredSymbol(ctor, cancellationToken) is not { } ctorSymbol
            || ctorSymbol.ContainingType is not { TypeKind: TypeKind.Class, IsRecord: false } type
            || type.InstanceConstructors.Any(c => !SymbolEqualityComparer.Default.Equals(c, ctorSymbol)))
        {
            // Another constructor would leave the lazy proxy unassigned.
            return null;
        }

        var statements = body.Statements;
        var start = statements.IndexOf(statement);
        if (start < 0 || FieldAssignment(statements[start], model, type, cancellationToken) is not { } first)
        {
            return null;
        }

        var resolver = environment?.ResolverFor(ctor.SyntaxTree);
        var fields = new List<DeferredField>();
        var deferred = new Dictionary<IFieldSymbol, DeferredField>(SymbolEqualityComparer.Default);
        for (var i = start; i < statements.Count; i++)
        {
            var current = statements[i];
            var touched = InstanceFields(current, model, type, cancellationToken);
            var assignment = FieldAssignment(current, model, type, cancellationToken);
            var isHeavy = resolver is not null && HeavyExpressions.FindOutermost(current, model, resolver, cancellationToken) is not null;
            if (i == start || assignment is { } a && !deferred.ContainsKey(a.Field) && (isHeavy || touched.Any(deferred.ContainsKey)))
            {
                var (field, value) = i == start ? first : assignment.GetValueOrDefault();
                if (Declaration(field, ctor.SyntaxTree, cancellationToken) is not { } declaration
                    || !IsMovable(value, model, type, deferred, statements, i, cancellationToken))
                {
                    if (i != start && !touched.Any(deferred.ContainsKey))
                    {
                        // Independent heavy work that cannot be deferred stays where it is.
                        continue;
                    }

                    return null;
                }

                var entry = new DeferredField(field, declaration, (ExpressionStatementSyntax)current, value);
                fields.Add(entry);
                deferred[field] = entry;
                continue;
            }

            var used = touched.Where(deferred.ContainsKey).ToList();
            if (used.Count == 0)
            {
                continue;
            }

            // A call on a deferred field runs right after the value is built, inside its factory.
            if (current is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax invocation } call
                && Receiver(invocation, model, cancellationToken) is { } receiver
                && deferred.TryGetValue(receiver, out var owner)
                && IsMovable(invocation, model, type, deferred, statements, i, cancellationToken))
            {
                owner.Calls.Add(call);
                continue;
            }

            return null;
        }

        // Statements before the first deferred assignment must not see the fields either.
        for (var i = 0; i < start; i++)
        {
            if (InstanceFields(statements[i], model, type, cancellationToken).Any(deferred.ContainsKey))
            {
                return null;
            }
        }

        return new LZM0008ConstructorStatePlan(fields);
    }

    /// <summary><c>field = value;</c> or <c>this.field = value;</c> for an instance field of <paramref name="type"/>.</summary>
    private static (IFieldSymbol Field, ExpressionSyntax Value)? FieldAssignment(StatementSyntax statement, SemanticModel model, INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (statement is ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax assignment }
            && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
            && (assignment.Left is IdentifierNameSyntax || assignment.Left is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax })
            && model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol is IFieldSymbol { IsStatic: false } field
            && SymbolEqualityComparer.Default.Equals(field.ContainingType, type))
        {
            return (field, assignment.Right);
        }

        return null;
    }

    /// <summary>The field declaration when it can become a property: one declarator, no initializer, attribute or volatile.</summary>
    private static FieldDeclarationSyntax? Declaration(IFieldSymbol field, SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (field.DeclaringSyntaxReferences.Length != 1
            || field.DeclaringSyntaxReferences[0].SyntaxTree != tree
            || field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer: null } declarator
            || declarator.Parent?.Parent is not FieldDeclarationSyntax declaration
            || declaration.Declaration.Variables.Count != 1
            || declaration.AttributeLists.Count > 0
            || declaration.Modifiers.Any(SyntaxKind.VolatileKeyword)
            || declaration.Modifiers.Any(SyntaxKind.ConstKeyword)
            || declaration.Modifiers.Any(SyntaxKind.FixedKeyword))
        {
            return null;
        }

        return declaration;
    }

    /// <summary>The deferred field a call chain starts from (<c>_f.M()</c>, <c>this._f.A.M()</c>).</summary>
    private static IFieldSymbol? Receiver(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        ExpressionSyntax current = invocation.Expression;
        while (true)
        {
            switch (current)
            {
                case MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } thisAccess:
                    return model.GetSymbolInfo(thisAccess, cancellationToken).Symbol as IFieldSymbol;
                case MemberAccessExpressionSyntax access:
                    current = access.Expression;
                    break;
                case InvocationExpressionSyntax inner:
                    current = inner.Expression;
                    break;
                case IdentifierNameSyntax name:
                    return model.GetSymbolInfo(name, cancellationToken).Symbol as IFieldSymbol;
                default:
                    return null;
            }
        }
    }

    /// <summary>
    /// True when <paramref name="node"/> can run later, in an instance factory, with the same result:
    /// it reads no local or parameter, and no instance member of the class other than deferred fields
    /// and readonly fields that the constructor does not assign from statement <paramref name="index"/> on.
    /// </summary>
    private static bool IsMovable(
        SyntaxNode node, SemanticModel model, INamedTypeSymbol type, Dictionary<IFieldSymbol, DeferredField> deferred,
        SyntaxList<StatementSyntax> statements, int index, CancellationToken cancellationToken)
    {
        foreach (var name in node.DescendantNodesAndSelf().OfType<SimpleNameSyntax>())
        {
            var symbol = model.GetSymbolInfo(name, cancellationToken).Symbol;
            switch (symbol)
            {
                case ILocalSymbol:
                case IParameterSymbol:
                case IRangeVariableSymbol:
                    // Lambdas declared inside the moved code may use their own parameters and locals.
                    if (symbol.DeclaringSyntaxReferences.All(r => r.SyntaxTree != node.SyntaxTree || !node.Span.Contains(r.Span)))
                    {
                        return false;
                    }

                    break;
                case IFieldSymbol field when !field.IsStatic && IsOwnMember(field, type):
                    if (deferred.ContainsKey(field))
                    {
                        break;
                    }

                    if (!field.IsReadOnly || AssignedFrom(field, statements, index, model, cancellationToken))
                    {
                        return false;
                    }

                    break;
                case IPropertySymbol or IMethodSymbol or IEventSymbol when !symbol.IsStatic && IsOwnMember(symbol, type) && !IsMemberOfOtherObject(name):
                    // Instance state read through members could change before first use.
                    return false;
            }
        }

        return true;
    }

    private static bool IsOwnMember(ISymbol symbol, INamedTypeSymbol type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(symbol.ContainingType?.OriginalDefinition, t.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>x.Name</c> where x is not <c>this</c>/<c>base</c>: a member of another object.</summary>
    private static bool IsMemberOfOtherObject(SimpleNameSyntax name)
        => name.Parent is MemberAccessExpressionSyntax access && access.Name == name
            && access.Expression is not ThisExpressionSyntax and not BaseExpressionSyntax;

    private static bool AssignedFrom(IFieldSymbol field, SyntaxList<StatementSyntax> statements, int index, SemanticModel model, CancellationToken cancellationToken)
    {
        for (var i = index; i < statements.Count; i++)
        {
            foreach (var name in statements[i].DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (name.Identifier.ValueText == field.Name
                    && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, field)
                    && Usage.IsWriteOrReference(name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static HashSet<IFieldSymbol> InstanceFields(SyntaxNode node, SemanticModel model, INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var result = new HashSet<IFieldSymbol>(SymbolEqualityComparer.Default);
        foreach (var name in node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            if (model.GetSymbolInfo(name, cancellationToken).Symbol is IFieldSymbol { IsStatic: false } field
                && SymbolEqualityComparer.Default.Equals(field.ContainingType, type))
            {
                result.Add(field);
            }
        }

        return result;
    }
}
