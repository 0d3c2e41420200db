using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using LazyMigrate.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LazyMigrate.Analyzers.Rules;

/// <summary>
/// LZM0001: a static field/property initializer or a static constructor statement that constructs or
/// calls into a heavy type, itself or through the project code it calls (<see cref="HeavyReach"/>).
/// Reported at the outermost heavy expression, or at the call that leads to heavy work, once per
/// declarator or statement. In an application (an executable) only for classes the startup path touches
/// before ready (<see cref="StartupCallGraph"/>): a type initializer runs when its class is first used, and
/// a class nothing uses before ready costs nothing then. In a library every class counts: its callers are
/// elsewhere.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LZM0001StaticHeavyInitializerAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LZM0001StaticHeavyInitializer);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var environment = LazyMigrateEnvironment.TryCreate(start.Compilation, start.Options.AnalyzerConfigOptionsProvider);
            if (environment is null)
            {
                return;
            }

            if (!IsApplication(start.Compilation))
            {
                Action<SyntaxNodeAnalysisContext, Diagnostic, INamedTypeSymbol?> report = (c, diagnostic, _) => c.ReportDiagnostic(diagnostic);
                RegisterInitializerActions(start, environment, report);
                return;
            }

            // Held until the walk from startup says which classes are touched before ready.
            var graph = new StartupCallGraph(start.Compilation, environment, collectTouches: true);
            graph.Register(start);
            var pending = new ConcurrentQueue<(Diagnostic Diagnostic, INamedTypeSymbol? Type)>();
            RegisterInitializerActions(start, environment, (_, diagnostic, type) => pending.Enqueue((diagnostic, type)));
            start.RegisterCompilationEndAction(end =>
            {
                if (pending.IsEmpty)
                {
                    return;
                }

                var walk = graph.WalkFromStartup(end.CancellationToken);
                foreach (var (diagnostic, type) in pending)
                {
                    // A walk cut short by its size bound cannot tell: report, as for a library.
                    if (type is null || !walk.Complete || walk.Touched.Contains(type.OriginalDefinition))
                    {
                        end.ReportDiagnostic(diagnostic);
                    }
                }
            });
        });
    }

    /// <summary>An executable: its startup path is in this compilation.</summary>
    private static bool IsApplication(Compilation compilation) =>
        compilation.Options.OutputKind is OutputKind.ConsoleApplication or OutputKind.WindowsApplication or OutputKind.WindowsRuntimeApplication;

    private static void RegisterInitializerActions(CompilationStartAnalysisContext start, LazyMigrateEnvironment environment, Action<SyntaxNodeAnalysisContext, Diagnostic, INamedTypeSymbol?> report)
    {
        start.RegisterSyntaxNodeAction(c => AnalyzeField(c, environment, report), SyntaxKind.FieldDeclaration);
        start.RegisterSyntaxNodeAction(c => AnalyzeProperty(c, environment, report), SyntaxKind.PropertyDeclaration);
        start.RegisterSyntaxNodeAction(c => AnalyzeStaticConstructor(c, environment, report), SyntaxKind.ConstructorDeclaration);
    }

    private static void AnalyzeField(SyntaxNodeAnalysisContext context, LazyMigrateEnvironment environment, Action<SyntaxNodeAnalysisContext, Diagnostic, INamedTypeSymbol?> report)
    {
        var field = (FieldDeclarationSyntax)context.Node;
        if (!field.Modifiers.Any(SyntaxKind.StaticKeyword) || field.Modifiers.Any(SyntaxKind.ConstKeyword))
        {
            return;
        }

        var resolver = environment.ResolverFor(field.SyntaxTree);
        foreach (var declarator in field.Declaration.Variables)
        {
            if (declarator.Initializer?.Value is { } value)
            {
                Report(context, value, resolver, DiagnosticProperties.KindFieldInitializer, "field initializer", field.Parent, report);
            }
        }
    }

    private static void AnalyzeProperty(SyntaxNodeAnalysisContext context, LazyMigrateEnvironment environment, Action<SyntaxNodeAnalysisContext, Diagnostic, INamedTypeSymbol?> report)
    {
        var property = (PropertyDeclarationSyntax)context.Node;
        if (property.Initializer?.Value is { } value && property.Modifiers.Any(SyntaxKind.StaticKeyword))
        {
            Report(context, value, environment.ResolverFor(property.SyntaxTree), DiagnosticProperties.KindPropertyInitializer, "property initializer", property.Parent, report);
        }
    }

    private static void AnalyzeStaticConstructor(SyntaxNodeAnalysisContext context, LazyMigrateEnvironment environment, Action<SyntaxNodeAnalysisContext, Diagnostic, INamedTypeSymbol?> report)
    {
        var constructor = (ConstructorDeclarationSyntax)context.Node;
        if (!constructor.Modifiers.Any(SyntaxKind.StaticKeyword))
        {
            return;
        }

        var resolver = environment.ResolverFor(constructor.SyntaxTree);
        foreach (var topLevel in CodeUnits.TopLevel(constructor))
        {
            foreach (var unit in CodeUnits.UnitsWithin(topLevel))
            {
                Report(context, unit, resolver, DiagnosticProperties.KindStaticConstructor, "constructor", constructor.Parent, report);
            }
        }
    }

    private static void Report(SyntaxNodeAnalysisContext context, SyntaxNode unit, HeavyTypeResolver resolver, string kind, string kindText, SyntaxNode? declaringType, Action<SyntaxNodeAnalysisContext, Diagnostic, INamedTypeSymbol?> report)
    {
        var typeName = (declaringType as BaseTypeDeclarationSyntax)?.Identifier.ValueText ?? "the type";
        if (HeavyReach.Find(unit, context.SemanticModel, resolver, context.CancellationToken) is not { } reached)
        {
            ReportDelegateType(context, unit, resolver, kind, kindText, declaringType, typeName, report);
            return;
        }

        var heavy = reached.Heavy;
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties.Add(DiagnosticProperties.PackageName, heavy.Info.PackageName);
        properties.Add(DiagnosticProperties.HeavyType, SymbolNames.Qualified(heavy.Type));
        properties.Add(DiagnosticProperties.Kind, kind);
        if (reached.Chain.Count > 0)
        {
            // Through project code: "field initializer, through Open → new PhotoDb()".
            var chain = string.Join(" → ", reached.Chain);
            properties.Add(DiagnosticProperties.CallChain, chain);
            kindText += ", through " + chain;
        }

        var diagnostic = Diagnostic.Create(
            Descriptors.LZM0001StaticHeavyInitializer,
            reached.Entry.GetLocation(),
            properties.ToImmutable(),
            heavy.Type.Name,
            heavy.Info.PackageName,
            "created by a static " + kindText,
            typeName);
        report(context, diagnostic, DeclaredType(context, declaringType));
    }

    /// <summary>
    /// A lambda the initialization only stores (<c>static readonly Func&lt;Heavy&gt; Make = () =&gt; new Heavy();</c>)
    /// builds nothing, but the type initializer creates a delegate whose type names the heavy type: compiling
    /// it loads the package's managed assembly when the class is first used.
    /// </summary>
    private static void ReportDelegateType(SyntaxNodeAnalysisContext context, SyntaxNode unit, HeavyTypeResolver resolver, string kind, string kindText, SyntaxNode? declaringType, string typeName, Action<SyntaxNodeAnalysisContext, Diagnostic, INamedTypeSymbol?> report)
    {
        // An initializer's value may be the lambda itself: look from the '= …' clause so the lambda is one of its nodes.
        var scope = unit.Parent is EqualsValueClauseSyntax clause ? clause : unit;
        if (JitTypeMentions.FindDelegateType(scope, context.SemanticModel, resolver, skip: null, context.CancellationToken) is not { } created
            || !IsStoredInMember(created.Syntax, scope, context.SemanticModel, context.CancellationToken))
        {
            return;
        }

        var delegateType = context.SemanticModel.GetTypeInfo(created.Syntax, context.CancellationToken).ConvertedType;
        var delegateName = delegateType?.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) ?? "a delegate type";
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(DiagnosticProperties.PackageName, created.Info.PackageName)
            .Add(DiagnosticProperties.HeavyType, SymbolNames.Qualified(created.Type))
            .Add(DiagnosticProperties.Kind, kind)
            .Add(DiagnosticProperties.DelegateType, delegateName);
        var diagnostic = Diagnostic.Create(
            Descriptors.LZM0001StaticHeavyInitializer,
            created.Syntax.GetLocation(),
            properties,
            created.Type.Name,
            created.Info.PackageName,
            $"named by the delegate type '{delegateName}' of a static {kindText} (nothing is built until the delegate is called, but compiling the type initializer loads the package's assembly)",
            typeName);
        report(context, diagnostic, DeclaredType(context, declaringType));
    }

    /// <summary>
    /// True when the lambda is the value a static member holds: the initializer itself, or the right side of an
    /// assignment to a field or property. A lambda handed to <c>new Lazy&lt;T&gt;(…)</c> is the documented lazy
    /// form (it defers the construction and native libraries), and a local of a static constructor is part of
    /// other work there: neither is reported for its delegate type.
    /// </summary>
    private static bool IsStoredInMember(SyntaxNode lambda, SyntaxNode scope, SemanticModel model, System.Threading.CancellationToken cancellationToken)
    {
        var parent = lambda.Parent;
        while (parent is ParenthesizedExpressionSyntax or CastExpressionSyntax)
        {
            parent = parent.Parent;
        }

        return parent == scope && scope is EqualsValueClauseSyntax
            || parent is AssignmentExpressionSyntax assignment
                && model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol is IFieldSymbol or IPropertySymbol;
    }

    private static INamedTypeSymbol? DeclaredType(SyntaxNodeAnalysisContext context, SyntaxNode? declaringType) =>
        declaringType is null ? null : context.SemanticModel.GetDeclaredSymbol(declaringType, context.CancellationToken) as INamedTypeSymbol;
}
