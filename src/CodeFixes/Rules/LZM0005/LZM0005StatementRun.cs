using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LazyMigrate.Analyzers.Infrastructure;
using LazyMigrate.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LazyMigrate.CodeFixes.Rules;

/// <summary>
/// The run of neighbouring statements LZM0005's fix moves together: the statement reported and the
/// statements around it whose compiled code also references a heavy type (written or not), extended to
/// the last statement that uses a heavy-typed local declared in the run (such a local cannot be handed
/// back to the startup method without naming its type there).
/// </summary>
internal static class LZM0005StatementRun
{
    /// <summary>The statement list <paramref name="statement"/> belongs to (a block, or the top-level statements), or null.</summary>
    public static IReadOnlyList<StatementSyntax>? Siblings(StatementSyntax statement) => statement.Parent switch
    {
        BlockSyntax block => block.Statements.Where(s => s is not LocalFunctionStatementSyntax).ToList(),
        GlobalStatementSyntax { Parent: CompilationUnitSyntax unit } => unit.Members.OfType<GlobalStatementSyntax>()
            .Select(g => g.Statement).Where(s => s is not LocalFunctionStatementSyntax).ToList(),
        _ => null,
    };

    public static List<StatementSyntax> Find(StatementSyntax statement, IReadOnlyList<StatementSyntax> siblings, SemanticModel model, HeavyTypeResolver resolver, CancellationToken cancellationToken)
    {
        var index = IndexOf(siblings, statement);
        if (index < 0)
        {
            return new List<StatementSyntax> { statement };
        }

        var first = index;
        var last = index;
        while (first > 0 && IsHeavy(siblings[first - 1], model, resolver, cancellationToken))
        {
            first--;
        }

        while (last < siblings.Count - 1 && IsHeavy(siblings[last + 1], model, resolver, cancellationToken))
        {
            last++;
        }

        // A heavy local declared in the run stays inside it: the run reaches its last use.
        for (var changed = true; changed;)
        {
            changed = false;
            for (var i = first; i <= last; i++)
            {
                foreach (var local in DeclaredLocals(siblings[i], model, cancellationToken))
                {
                    if (JitTypeMentions.HeavyPart(local.Type, resolver) is null)
                    {
                        continue;
                    }

                    for (var j = siblings.Count - 1; j > last; j--)
                    {
                        if (Uses(siblings[j], local, model, cancellationToken))
                        {
                            last = j;
                            changed = true;
                            break;
                        }
                    }
                }
            }
        }

        return siblings.Skip(first).Take(last - first + 1).ToList();
    }

    /// <summary>
    /// A name from the code: "Use" and the heavy types the run references (first, then the first two);
    /// "Run" and the run's first called member when those are taken. Never a numeric suffix unless every
    /// candidate is taken.
    /// </summary>
    public static string Name(IReadOnlyList<StatementSyntax> run, SemanticModel model, HeavyTypeResolver resolver, CancellationToken cancellationToken)
    {
        var types = new List<string>();
        foreach (var statement in run)
        {
            foreach (var unit in CodeUnits.UnitsWithin(statement))
            {
                if (JitTypeMentions.FindFirst(unit, isUnit: true, model, resolver, skip: null, cancellationToken) is { } mention
                    && !types.Contains(mention.Type.Name))
                {
                    types.Add(mention.Type.Name);
                }
            }
        }

        var host = MemberHost.Find(model, run[0], cancellationToken);
        var taken = host is null ? new HashSet<string>() : Names.IdentifiersIn(host.Enclosing);
        var candidates = new List<string>();
        if (types.Count > 0)
        {
            candidates.Add("Use" + Names.Pascal(types[0]));
        }

        if (types.Count > 1)
        {
            candidates.Add("Use" + Names.Pascal(types[0]) + "And" + Names.Pascal(types[1]));
        }

        var called = run.SelectMany(s => s.DescendantNodes()).OfType<InvocationExpressionSyntax>().Select(CodeUnits.InvokedName).FirstOrDefault(n => n is not null);
        if (called is not null)
        {
            candidates.Add("Run" + Names.Pascal(called));
        }

        foreach (var candidate in candidates)
        {
            if (!taken.Contains(candidate) && !IsMemberOf(candidate, host?.Type))
            {
                return candidate;
            }
        }

        throw new FixSkippedException("every name derived from the moved code (" + string.Join(", ", candidates) + ") is taken");
    }

    /// <summary>True when <paramref name="name"/> is the type's own name or a member of it or of a base type.</summary>
    private static bool IsMemberOf(string name, INamedTypeSymbol? type)
    {
        if (type is not null && type.Name == name)
        {
            return true;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.MemberNames.Contains(name))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsHeavy(StatementSyntax statement, SemanticModel model, HeavyTypeResolver resolver, CancellationToken cancellationToken)
    {
        foreach (var unit in CodeUnits.UnitsWithin(statement))
        {
            if (JitTypeMentions.Any(unit, model, resolver, node => ServiceRegistration.IsRegistrationNode(node, model, cancellationToken), cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<ILocalSymbol> DeclaredLocals(StatementSyntax statement, SemanticModel model, CancellationToken cancellationToken)
    {
        if (statement is LocalDeclarationStatementSyntax declaration)
        {
            foreach (var variable in declaration.Declaration.Variables)
            {
                if (model.GetDeclaredSymbol(variable, cancellationToken) is ILocalSymbol local)
                {
                    yield return local;
                }
            }
        }
    }

    private static bool Uses(StatementSyntax statement, ILocalSymbol local, SemanticModel model, CancellationToken cancellationToken)
        => statement.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Any(n => n.Identifier.ValueText == local.Name && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(n, cancellationToken).Symbol, local));

    private static int IndexOf(IReadOnlyList<StatementSyntax> siblings, StatementSyntax statement)
    {
        for (var i = 0; i < siblings.Count; i++)
        {
            if (siblings[i] == statement)
            {
                return i;
            }
        }

        return -1;
    }
}
