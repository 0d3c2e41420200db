using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LazyMigrate.CodeFixes.Rules;

/// <summary>
/// LZM0005: the statement naming the heavy type moves into a separate non-inlined method, so the
/// startup method's JIT compilation no longer loads the heavy assembly (it loads when, and if,
/// the new method is called). A local initializer moves into a method returning the value when the
/// local's own type is light. No fix for heavy types in the method signature, heavy-typed locals,
/// or flow that cannot leave the method (see <see cref="StatementExtractor"/>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LZM0005ExtractHeavyReferenceFixer)), Shared]
public sealed class LZM0005ExtractHeavyReferenceFixer : LazyFixerBase
{
    /// <summary>The equivalence key of this fix.</summary>
    public const string Key = "LZM0005.ExtractToNonInlinedMethod";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(Analyzers.RuleIds.HeavyTypeNamedInStartupMethod);

    /// <inheritdoc />
    protected internal override string EquivalenceKey => Key;

    /// <inheritdoc />
    protected override string GetTitle(bool runtime) => "Move into a separate non-inlined method";

    /// <inheritdoc />
    protected override string DescribeUnfixable(SyntaxNode target, Diagnostic diagnostic)
        => diagnostic.Properties.TryGetValue(Analyzers.DiagnosticProperties.Kind, out var kind) && kind == Analyzers.DiagnosticProperties.KindRegistration
            ? "a service registration runs during startup wherever it is written, so moving it would defer nothing; the assembly load stays " +
              "unless the registration stops naming the heavy type (for an instance or factory of a heavy service, see LZM0003's lazy_value_move)"
            : target.FirstAncestorOrSelf<ParameterListSyntax>() is not null
            || target.AncestorsAndSelf().OfType<TypeSyntax>().Any(t => t.Parent is MethodDeclarationSyntax or LocalFunctionStatementSyntax)
            ? "the heavy type is in the method's signature, which every caller's compilation reads: change the signature by hand (take a light type or an interface)"
            : "the statements cannot move into a separate method with the same flow (the fix leaves alone a run that returns, breaks or jumps out, " +
              "that hands more than one local to the code after it, or a local of the heavy type itself): split the method by hand";

    internal override Task<Document?> ApplyAsync(Document document, SyntaxNode target, Diagnostic diagnostic, CancellationToken cancellationToken)
        => LZM0005HeavyStatementFixes.ExtractAsync(document, target, diagnostic, cancellationToken);
}
