using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;

namespace LazyMigrate.CodeFixes.Rules;

/// <summary>LZM0003 move, finding consumers: the classes that take the service through their constructors, or a refusal.</summary>
internal static partial class LZM0003LazyValueMove
{
    /// <summary>
    /// The classes whose constructors take the service, or null when some reference to the service
    /// type could resolve it from a container or is otherwise outside what this rewrite can change.
    /// </summary>
    private static async Task<List<Consumer>?> FindConsumersAsync(Solution solution, Document registering, InvocationExpressionSyntax registration, INamedTypeSymbol service, CancellationToken cancellationToken)
    {
        var references = await SymbolFinder.FindReferencesAsync(service, solution, cancellationToken).ConfigureAwait(false);
        var parameters = new List<(Document Document, ParameterSyntax Syntax)>();
        foreach (var referenced in references)
        {
            foreach (var location in referenced.Locations)
            {
                var span = location.Location.SourceSpan;
                // The registration itself (its type argument, the instance) goes away.
                if (location.Document.Id == registering.Id && registration.Span.Contains(span))
                {
                    continue;
                }

                if (location.IsImplicit)
                {
                    return null;
                }

                var root = await location.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                var node = root?.FindNode(span, getInnermostNodeForTie: true);
                if (!SymbolEqualityComparer.Default.Equals(referenced.Definition, service))
                {
                    // new Heavy(..) elsewhere builds an instance of its own and never asks the container;
                    // other constructor references (base(..) of a derived type) stay out of scope.
                    if (referenced.Definition is IMethodSymbol { MethodKind: MethodKind.Constructor } && node is not null && IsObjectCreation(node))
                    {
                        continue;
                    }

                    return null;
                }

                switch (Classify(node))
                {
                    case ReferenceKind.Harmless:
                        continue;
                    case ReferenceKind.Property:
                        // A framework-activated type (a component, a page) may get its properties injected.
                        var model = await location.Document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                        if (model?.GetDeclaredSymbol(node!.FirstAncestorOrSelf<PropertyDeclarationSyntax>()!, cancellationToken) is not { } property
                            || IsFrameworkActivated(property.ContainingType))
                        {
                            return null;
                        }

                        continue;
                    case ReferenceKind.Parameter:
                        parameters.Add((location.Document, (ParameterSyntax)TypeOf(node!).Parent!));
                        continue;
                    case ReferenceKind.MethodParameter:
                        if (!await IsPlainMethodParameterAsync(solution, location.Document, node!.FirstAncestorOrSelf<ParameterSyntax>()!, cancellationToken).ConfigureAwait(false))
                        {
                            return null;
                        }

                        continue;
                    default:
                        return null;
                }
            }
        }

        var consumers = new Dictionary<SyntaxNode, Consumer>();
        var checkedConstructors = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        foreach (var (document, syntax) in parameters)
        {
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (model?.GetDeclaredSymbol(syntax, cancellationToken) is not IParameterSymbol parameter
                || document.Project.Id != registering.Project.Id
                || !IsMovableParameter(parameter, syntax, service)
                || parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.Constructor, IsStatic: false } constructor
                || constructor.ContainingType is not { TypeKind: TypeKind.Class, IsAbstract: false, IsStatic: false, IsRecord: false } type
                || type.InstanceConstructors.Length != 1
                // Another part of a partial class may use the parameter: only one declaration is rewritten.
                || type.DeclaringSyntaxReferences.Length > 1
                || constructor.IsImplicitlyDeclared)
            {
                return null;
            }

            var declaration = syntax.Parent?.Parent switch
            {
                ClassDeclarationSyntax primary => primary,
                ConstructorDeclarationSyntax { Parent: ClassDeclarationSyntax owner } => owner,
                _ => null,
            };
            if (declaration is null)
            {
                return null;
            }

            // Source that builds the class itself would need the service passed again.
            if (checkedConstructors.Add(constructor))
            {
                var calls = await SymbolFinder.FindReferencesAsync(constructor, solution, cancellationToken).ConfigureAwait(false);
                if (calls.Any(c => c.Locations.Any()))
                {
                    return null;
                }
            }

            if (!consumers.TryGetValue(declaration, out var consumer))
            {
                consumers[declaration] = consumer = new Consumer(document.Id, declaration, model);
            }

            consumer.Parameters.Add((syntax, parameter));
        }

        return consumers.Values.ToList();
    }

    private static bool IsMovableParameter(IParameterSymbol parameter, ParameterSyntax syntax, INamedTypeSymbol service)
        => SymbolEqualityComparer.Default.Equals(parameter.Type, service)
            && parameter.RefKind == RefKind.None
            && !parameter.IsParams
            && !parameter.HasExplicitDefaultValue
            && parameter.GetAttributes().IsEmpty
            && syntax.AttributeLists.Count == 0
            && syntax.Default is null;

    /// <summary>
    /// A parameter of an ordinary method or local function is the caller's business, not the
    /// container's, unless something else may bind it: an attribute (<c>[FromServices]</c>), a use of
    /// the method as a delegate (minimal API handlers, <c>app.MapGet("/", Handle)</c>), a
    /// framework-activated type (MVC, Razor Pages, SignalR, Blazor), or no call in source at all
    /// (convention-based middleware <c>InvokeAsync</c>, <c>Startup.Configure</c>).
    /// </summary>
    private static async Task<bool> IsPlainMethodParameterAsync(Solution solution, Document document, ParameterSyntax syntax, CancellationToken cancellationToken)
    {
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (syntax.AttributeLists.Count > 0
            || model?.GetDeclaredSymbol(syntax, cancellationToken) is not IParameterSymbol { ContainingSymbol: IMethodSymbol method } parameter
            || !parameter.GetAttributes().IsEmpty
            || IsFrameworkActivated(method.ContainingType))
        {
            return false;
        }

        var invoked = false;
        var references = await SymbolFinder.FindReferencesAsync(method, solution, cancellationToken).ConfigureAwait(false);
        foreach (var location in references.SelectMany(r => r.Locations))
        {
            var root = await location.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var node = root?.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
            // An implicit use (a collection initializer's Add, a deconstruction) is not worth telling apart.
            if (location.IsImplicit || node is null)
            {
                return false;
            }

            if (node.FirstAncestorOrSelf<CrefSyntax>() is not null
                || node.Ancestors().OfType<InvocationExpressionSyntax>().Any(CodeUnits.IsNameOf))
            {
                continue;
            }

            // M(..), x.M(..), x?.M(..): anything else (M as an argument, a delegate, &M) hands the method to someone who binds its parameters.
            var callee = (node.Parent is MemberAccessExpressionSyntax access && access.Name == node) || node.Parent is MemberBindingExpressionSyntax
                ? node.Parent
                : node;
            if (callee.Parent is not InvocationExpressionSyntax invocation || invocation.Expression != callee)
            {
                return false;
            }

            invoked = true;
        }

        return invoked;
    }

    /// <summary>A type whose methods the framework invokes with parameters it may take from the container: a controller, page model, hub or component.</summary>
    private static bool IsFrameworkActivated(INamedTypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name is "ControllerBase" or "Controller" or "PageModel" or "Hub" or "ComponentBase"
                || current.GetAttributes().Any(a => a.AttributeClass?.Name is "ApiControllerAttribute" or "ControllerAttribute"))
            {
                return true;
            }
        }

        return false;
    }

    private enum ReferenceKind
    {
        Refused,
        Harmless,
        Property,
        Parameter,
        MethodParameter,
    }

    /// <summary>The type name of <c>new S(..)</c> or <c>new N.S(..)</c>: the whole created type, not a type argument in it.</summary>
    private static bool IsObjectCreation(SyntaxNode node)
        => TypeOf(node) is var type && type.Parent is ObjectCreationExpressionSyntax creation && creation.Type == type;

    private static ReferenceKind Classify(SyntaxNode? node)
    {
        if (node is null)
        {
            return ReferenceKind.Refused;
        }

        if (IsObjectCreation(node))
        {
            return ReferenceKind.Harmless;
        }

        if (node.FirstAncestorOrSelf<CrefSyntax>() is not null
            || node.Ancestors().OfType<InvocationExpressionSyntax>().Any(CodeUnits.IsNameOf))
        {
            return ReferenceKind.Harmless;
        }

        var type = TypeOf(node);
        if (type.Parent is ParameterSyntax parameter && parameter.Type == type
            && parameter.Parent is ParameterListSyntax { Parent: ConstructorDeclarationSyntax or ClassDeclarationSyntax })
        {
            return ReferenceKind.Parameter;
        }

        // The type of a method or local function parameter, also inside it (IEnumerable<S>, S?); lambdas
        // and anonymous methods are not among the parents, so they refuse.
        if (node.FirstAncestorOrSelf<ParameterSyntax>() is { Type: { } parameterType, Parent: ParameterListSyntax { Parent: MethodDeclarationSyntax or LocalFunctionStatementSyntax } }
            && parameterType.Span.Contains(node.Span))
        {
            return ReferenceKind.MethodParameter;
        }

        // Nullable forms are still just a declared type.
        while (type.Parent is NullableTypeSyntax nullable)
        {
            type = nullable;
        }

        return type.Parent switch
        {
            // An attribute on a field or property may ask a framework to inject it ([Inject], [FromServices]).
            VariableDeclarationSyntax { Parent: FieldDeclarationSyntax { AttributeLists.Count: > 0 } } => ReferenceKind.Refused,
            VariableDeclarationSyntax variable when variable.Type == type && variable.Parent is FieldDeclarationSyntax or LocalDeclarationStatementSyntax or UsingStatementSyntax => ReferenceKind.Harmless,
            PropertyDeclarationSyntax property when property.Type == type => property.AttributeLists.Count > 0 ? ReferenceKind.Refused : ReferenceKind.Property,
            MethodDeclarationSyntax method when method.ReturnType == type => ReferenceKind.Harmless,
            LocalFunctionStatementSyntax function when function.ReturnType == type => ReferenceKind.Harmless,
            _ => ReferenceKind.Refused,
        };
    }

    /// <summary>The whole type syntax a name reference belongs to (<c>Microsoft.ML.MLContext</c> for its last part).</summary>
    private static SyntaxNode TypeOf(SyntaxNode node)
    {
        while (node.Parent is QualifiedNameSyntax qualified && qualified.Right == node
            || node.Parent is AliasQualifiedNameSyntax alias && alias.Name == node)
        {
            node = node.Parent;
        }

        return node;
    }

    /// <summary>
    /// True when another registration names the service type, also by inference
    /// (<c>AddSingleton(field)</c>, <c>AddScoped(sp =&gt; Make())</c>): removing the flagged one would
    /// change what the container resolves.
    /// </summary>
    private static async Task<bool> IsRegisteredElsewhereAsync(Solution solution, InvocationExpressionSyntax flagged, INamedTypeSymbol service, CancellationToken cancellationToken)
    {
        foreach (var document in solution.Projects.SelectMany(p => p.Documents))
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var candidates = root?.DescendantNodes().OfType<InvocationExpressionSyntax>()
                .Where(i => i != flagged && CodeUnits.InvokedName(i) is { } name
                    && (name.Contains("Singleton") || name.Contains("Scoped") || name.Contains("Transient")))
                .ToList();
            if (candidates is not { Count: > 0 })
            {
                continue;
            }

            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            foreach (var candidate in candidates)
            {
                if (model?.GetSymbolInfo(candidate, cancellationToken).Symbol is IMethodSymbol method
                    && method.TypeArguments.Any(t => SymbolEqualityComparer.Default.Equals(t, service)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private sealed class Consumer
    {
        public Consumer(DocumentId documentId, ClassDeclarationSyntax declaration, SemanticModel model)
        {
            DocumentId = documentId;
            Declaration = declaration;
            Model = model;
        }

        public DocumentId DocumentId { get; }

        public ClassDeclarationSyntax Declaration { get; }

        public SemanticModel Model { get; }

        public List<(ParameterSyntax Syntax, IParameterSymbol Symbol)> Parameters { get; } = new();
    }
}
