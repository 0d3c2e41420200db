using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate.Analyzers.Infrastructure;
using LazyMigrate.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace LazyMigrate.CodeFixes.Rules;

/// <summary>
/// LZM0003, second rewrite: <c>services.AddSingleton(new Heavy(..));</c> is removed and the instance
/// becomes a lazy static of a generated <c>internal static class LazyServices</c> (the LZM0001 holder
/// shape); every class that took the service through its constructor reads
/// <c>LazyServices.Heavy</c> instead. A factory registration still names the service type, and the
/// container keys registrations by <c>Type</c>, so the JIT of the registering method loads the
/// heavy assembly; only not registering the type avoids that (docs/rules/LZM0003.md).
/// <para>Applies only when every reference to the service type is harmless (a field, local,
/// property or return type that nothing injects, a cref or nameof, a parameter of an ordinary
/// method that source only calls) or a constructor parameter of a class this rewrite can own: a plain class of the
/// registering project with one constructor that source never calls. Anything that may resolve the
/// service from a container (a type argument, <c>typeof</c>, a lambda parameter, a parameter of a
/// method used as a delegate or of a controller-like type) refuses, so no resolution can find the
/// registration missing.</para>
/// </summary>
internal static class LZM0003LazyValueMove
{
    /// <summary>Title of the code action.</summary>
    public const string Title = "Move the singleton to a lazy value";

    private const string ClassName = "LazyServices";

    private const string HolderAttributeName = "LazyMigrate.LazyValueHolderAttribute";

    public static async Task<Solution?> TryApplyAsync(Document document, SyntaxNode target, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (Registration(target) is not { } registration)
        {
            return null;
        }

        var (statement, invocation, instance) = registration;
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null
            || model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol { Name: "AddSingleton", TypeArguments.Length: 1, ReducedFrom: { } definition } method
            || SymbolNames.Namespace(definition) != "Microsoft.Extensions.DependencyInjection"
            || method.TypeArguments[0] is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Interface } service
            || !RuntimeSymbols.HasRuntime(model.Compilation)
            || !RuntimeSymbols.HasHolderSupport(model.Compilation))
        {
            return null;
        }

        // The instance moves into a static factory of another class: it may read nothing local.
        var flow = model.AnalyzeDataFlow(instance);
        if (flow is null || !flow.Succeeded || !flow.DataFlowsIn.IsEmpty
            || instance.DescendantNodesAndSelf().Any(n => n is AwaitExpressionSyntax or ThisExpressionSyntax or BaseExpressionSyntax))
        {
            return null;
        }

        var solution = document.Project.Solution;
        var consumers = await FindConsumersAsync(solution, document, invocation, service, cancellationToken).ConfigureAwait(false);
        if (consumers is null
            || consumers.Any(c => c.DocumentId == document.Id && statement.Ancestors().Contains(c.Declaration))
            || await IsRegisteredElsewhereAsync(solution, invocation, service, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        // Where the lazy value goes: the class an earlier move generated, else a new one.
        var existing = FindGeneratedClass(model.Compilation);
        var host = existing is null ? null : await HostOfAsync(solution, existing, cancellationToken).ConfigureAwait(false);
        if (existing is not null && host is null)
        {
            return null;
        }

        var taken = new HashSet<string>(StringComparer.Ordinal);
        string className;
        INamespaceSymbol targetNamespace;
        TypeDeclarationSyntax? outerType = null;
        if (existing is not null)
        {
            className = existing.Name;
            targetNamespace = existing.ContainingNamespace;
            taken.UnionWith(existing.MemberNames);
            taken.UnionWith(existing.GetTypeMembers().Select(t => t.Name));
        }
        else
        {
            // Top-level statements (also a lambda inside them, e.g. ConfigureServices(services => { .. }))
            // get the class after the statements; code in a type, after its outermost type.
            if (statement.FirstAncestorOrSelf<GlobalStatementSyntax>() is null)
            {
                // The outermost type sits in a namespace or the file: C# has no types local to a method.
                outerType = statement.Ancestors().OfType<TypeDeclarationSyntax>().LastOrDefault();
                if (outerType is null)
                {
                    return null;
                }
            }

            targetNamespace = outerType is null
                ? model.Compilation.GlobalNamespace
                : model.GetDeclaredSymbol(outerType, cancellationToken)?.ContainingNamespace ?? model.Compilation.GlobalNamespace;
            className = ClassName;
            for (var i = 2; targetNamespace.GetMembers(className).Any(); i++)
            {
                className = ClassName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        taken.Add(className);
        var propertyName = Names.Reserve(service.Name, taken);
        var proxyName = Names.Reserve("s_" + Names.CamelStem(propertyName), taken);
        var factoryName = Names.Reserve("Create" + propertyName, taken);
        var holderName = Names.Reserve(propertyName + "Holder", taken);

        var hostModel = host is null ? model : await host.Value.Document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var hostPosition = host is null ? statement.SpanStart : host.Value.Declaration.SpanStart;
        var typeText = Generated.Type(service.WithNullableAnnotation(NullableAnnotation.NotAnnotated)).ToFullString();
        var cache = hostModel is null ? null : LazyMembers.Cache(hostModel, hostPosition, service, typeText, holderName);
        if (cache is null)
        {
            return null;
        }

        var members = LazyMembers.Build(new LazyMemberSpec
        {
            Runtime = true,
            PackageName = LazyMembers.PackageName(diagnostic, service),
            PropertyModifiers = "internal static",
            TypeText = typeText,
            PropertyName = propertyName,
            ProxyName = proxyName,
            FactoryName = factoryName,
            FactoryBody = await FactoryBodyAsync(document, model, instance, typeText, addImports: host is { } other && other.Document.Id != document.Id, cancellationToken).ConfigureAwait(false),
            Cache = cache,
            HolderName = holderName,
        });
        // Appended to an existing class: a blank line before the first new member.
        members = LazyMembers.WithTrivia(
            members,
            existing is null ? SyntaxFactory.TriviaList(SyntaxFactory.ElasticMarker) : SyntaxFactory.TriviaList(SyntaxFactory.ElasticLineFeed, SyntaxFactory.ElasticMarker),
            SyntaxFactory.TriviaList(SyntaxFactory.ElasticLineFeed));

        var qualifiedClass = targetNamespace.IsGlobalNamespace
            ? "global::" + className
            : targetNamespace.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + className;
        var access = qualifiedClass + "." + propertyName;

        // Every edit is computed from the original documents, then applied per document: consumers
        // first (their rewrite replaces whole classes), then the registration, then the lazy value.
        var edits = new Dictionary<DocumentId, List<Action<SyntaxEditor>>>();
        void Edit(DocumentId id, Action<SyntaxEditor> edit)
        {
            if (!edits.TryGetValue(id, out var list))
            {
                edits[id] = list = new List<Action<SyntaxEditor>>();
            }

            list.Add(edit);
        }

        foreach (var consumer in consumers)
        {
            var rewritten = RewriteConsumer(consumer, access, cancellationToken);
            Edit(consumer.DocumentId, e => e.ReplaceNode(consumer.Declaration, rewritten));
        }

        Edit(document.Id, e => RemoveRegistration(e, statement));
        if (host is { } h)
        {
            Edit(h.Document.Id, e => e.ReplaceNode(h.Declaration, (current, _) => ((ClassDeclarationSyntax)current).AddMembers(members.ToArray())));
        }
        else
        {
            var declaration = NewClass(className, members);
            if (outerType is null)
            {
                Edit(document.Id, e => e.ReplaceNode(e.OriginalRoot, (current, _) => AppendToFile((CompilationUnitSyntax)current, declaration)));
            }
            else if (outerType.GetTrailingTrivia().Any(SyntaxKind.EndOfLineTrivia))
            {
                Edit(document.Id, e => e.InsertAfter(outerType, declaration));
            }
            else
            {
                // The registering type ends the file without a line break: so does the new class.
                var last = declaration.WithTrailingTrivia(outerType.GetTrailingTrivia());
                Edit(document.Id, e =>
                {
                    e.ReplaceNode(outerType, (current, _) => current.WithTrailingTrivia(current.GetTrailingTrivia().Add(SyntaxFactory.LineFeed)));
                    e.InsertAfter(outerType, last);
                });
            }
        }

        foreach (var pair in edits)
        {
            var edited = solution.GetDocument(pair.Key);
            var root = edited is null ? null : await edited.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return null;
            }

            var editor = new SyntaxEditor(root, solution.Workspace.Services);
            foreach (var edit in pair.Value)
            {
                edit(editor);
            }

            solution = solution.WithDocumentSyntaxRoot(pair.Key, editor.GetChangedRoot());
        }

        return solution;
    }

    /// <summary><c>receiver.AddSingleton(instance);</c> as a whole statement of a body or of the top-level statements.</summary>
    private static (ExpressionStatementSyntax Statement, InvocationExpressionSyntax Invocation, ExpressionSyntax Instance)? Registration(SyntaxNode target)
    {
        var argument = target as ArgumentSyntax ?? target.FirstAncestorOrSelf<ArgumentSyntax>();
        if (argument is null
            || argument.NameColon is not null
            || !argument.RefKindKeyword.IsKind(SyntaxKind.None)
            || argument.Parent is not ArgumentListSyntax { Arguments.Count: 1 } list
            || list.Parent is not InvocationExpressionSyntax invocation
            || invocation.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AddSingleton" } access
            || !IsPlainReceiver(access.Expression)
            || invocation.Parent is not ExpressionStatementSyntax statement
            || !IsUnconditional(statement)
            || statement.GetLeadingTrivia().Any(t => t.IsDirective))
        {
            return null;
        }

        return (statement, invocation, argument.Expression);
    }

    /// <summary>
    /// A statement directly in the body of a method, constructor, accessor, local function, lambda or
    /// anonymous method, or a top-level statement: it registers whenever its code runs. Inside
    /// <c>if</c>, a loop, <c>try</c> or a nested block it may not, and the move would drop that condition.
    /// </summary>
    private static bool IsUnconditional(StatementSyntax statement) => statement.Parent switch
    {
        GlobalStatementSyntax => true,
        BlockSyntax { Parent: BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax } => true,
        _ => false,
    };

    /// <summary>A receiver whose evaluation does nothing (<c>services</c>, <c>builder.Services</c>): removing the statement removes only the registration.</summary>
    private static bool IsPlainReceiver(ExpressionSyntax receiver) => receiver switch
    {
        IdentifierNameSyntax => true,
        MemberAccessExpressionSyntax { Expression: var inner } => IsPlainReceiver(inner),
        _ => false,
    };

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

    /// <summary>
    /// A class generated by an earlier move in this project: named <c>LazyServices</c>, or that plus
    /// digits (the name a move picks when <c>LazyServices</c> is taken), static, not nested, and with a
    /// <c>[LazyValueHolder]</c> class.
    /// </summary>
    private static INamedTypeSymbol? FindGeneratedClass(Compilation compilation)
        => compilation.GetSymbolsWithName(IsGeneratedClassName, SymbolFilter.Type)
            .OfType<INamedTypeSymbol>()
            .Where(t => t.IsStatic && t.ContainingType is null && t.TypeKind == TypeKind.Class && !t.IsGenericType
                && t.DeclaringSyntaxReferences.Length == 1
                && t.GetTypeMembers().Any(n => n.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == HolderAttributeName)))
            .OrderBy(t => t.ToDisplayString(), StringComparer.Ordinal)
            .FirstOrDefault();

    private static bool IsGeneratedClassName(string name)
        => name.StartsWith(ClassName, StringComparison.Ordinal) && name.Skip(ClassName.Length).All(c => c is >= '0' and <= '9');

    private static async Task<(Document Document, ClassDeclarationSyntax Declaration)?> HostOfAsync(Solution solution, INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var reference = type.DeclaringSyntaxReferences[0];
        var document = solution.GetDocument(reference.SyntaxTree);
        return document is not null && await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false) is ClassDeclarationSyntax declaration
            ? (document, declaration)
            : null;
    }

    /// <summary>
    /// The instance, fully qualified (it moves to another class, maybe another file), as the
    /// factory's object result. In the same file it is simplified back to what the file's usings
    /// allow; only a move to another file may add usings there.
    /// </summary>
    private static async Task<ExpressionSyntax> FactoryBodyAsync(Document document, SemanticModel model, ExpressionSyntax instance, string typeText, bool addImports, CancellationToken cancellationToken)
    {
        var expanded = (ExpressionSyntax)await Simplifier.ExpandAsync(instance, document, cancellationToken: cancellationToken).ConfigureAwait(false);
        expanded = expanded.WithoutLeadingTrivia().WithoutTrailingTrivia();
        var written = addImports
            ? Generated.Annotate(expanded)
            : expanded.WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);
        return LazyMembers.FactoryBody(model, instance, typeText, written);
    }

    private static ClassDeclarationSyntax RewriteConsumer(Consumer consumer, string access, CancellationToken cancellationToken)
    {
        var declaration = consumer.Declaration;
        var symbols = consumer.Parameters.Select(p => (ISymbol)p.Symbol).ToList();
        // A use inside nameof(..) stays as written: it no longer compiles, so the safety net refuses
        // the move rather than silently changing the string.
        var uses = declaration.DescendantNodes().OfType<IdentifierNameSyntax>()
            .Where(n => symbols.Any(s => s.Name == n.Identifier.ValueText)
                && !n.Ancestors().OfType<InvocationExpressionSyntax>().Any(CodeUnits.IsNameOf)
                && symbols.Contains(consumer.Model.GetSymbolInfo(n, cancellationToken).Symbol, SymbolEqualityComparer.Default))
            .ToList();
        var lists = consumer.Parameters.Select(p => (ParameterListSyntax)p.Syntax.Parent!).Distinct().ToList();
        var names = new HashSet<string>(consumer.Parameters.Select(p => p.Symbol.Name), StringComparer.Ordinal);

        // <param> docs live on the constructor, or on the class for a primary constructor.
        var documented = lists.Select(l => (SyntaxNode)l.Parent!).ToList();
        var docs = documented
            .SelectMany(d => d.GetLeadingTrivia())
            .Select(t => t.GetStructure())
            .OfType<DocumentationCommentTriviaSyntax>()
            .Where(d => d.DescendantNodes().Any(e => e is XmlElementSyntax element && IsParamElement(element, names) || IsParamRef(e, names)))
            .ToList();

        var nodes = uses.Cast<SyntaxNode>().Concat(lists).Concat(docs);
        var cref = access.Replace("global::", string.Empty);
        var rewritten = declaration.ReplaceNodes(nodes, (original, current) => current switch
        {
            IdentifierNameSyntax use => Generated.Expression(access).WithTriviaFrom(use),
            ParameterListSyntax list => RemoveParameters(list, names),
            DocumentationCommentTriviaSyntax doc => WithoutParamElements(doc, names, cref),
            _ => current,
        });

        // An emptied primary constructor list goes away unless a base call needs it or a comment
        // is still inside it (C# 12 accepts an empty primary constructor list).
        if (rewritten.ParameterList is { Parameters.Count: 0 } emptied
            && lists.Any(l => l.Parent is ClassDeclarationSyntax)
            && rewritten.BaseList?.Types.Any(t => t is PrimaryConstructorBaseTypeSyntax) != true
            && !emptied.DescendantTrivia().Any(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia)))
        {
            var before = emptied.GetFirstToken().GetPreviousToken();
            rewritten = rewritten.ReplaceToken(before, before.WithTrailingTrivia(before.TrailingTrivia.AddRange(emptied.GetTrailingTrivia())))
                .WithParameterList(null);
        }

        return rewritten;
    }

    /// <summary>
    /// The list without the named parameters; comments above a removed one move to the next kept
    /// parameter, or before the <c>)</c> (they may explain the code around it).
    /// </summary>
    private static ParameterListSyntax RemoveParameters(ParameterListSyntax list, HashSet<string> names)
    {
        var parameters = list.Parameters;
        var kept = new List<ParameterSyntax>();
        var separators = new List<SyntaxToken>();
        var comments = new List<SyntaxTrivia>();
        var lastKept = -1;
        for (var i = 0; i < parameters.Count; i++)
        {
            var parameter = parameters[i];
            if (names.Contains(parameter.Identifier.ValueText))
            {
                comments.AddRange(Comments(parameter.GetLeadingTrivia()));
                continue;
            }

            // The separator just before a kept parameter keeps its line layout.
            if (kept.Count > 0)
            {
                separators.Add(parameters.GetSeparator(i - 1));
            }

            kept.Add(comments.Count == 0 ? parameter : parameter.WithLeadingTrivia(comments.Concat(parameter.GetLeadingTrivia())));
            comments.Clear();
            lastKept = i;
        }

        var close = list.CloseParenToken;
        if (comments.Count > 0)
        {
            // The dropped separator after the last kept parameter ended its line: the comments start a new one.
            var lineEnd = lastKept >= 0 ? parameters.GetSeparator(lastKept).TrailingTrivia : default;

            // After a line comment the ")" starts a line: indented like the comment.
            if (comments[comments.Count - 1].IsKind(SyntaxKind.EndOfLineTrivia) && comments[0].IsKind(SyntaxKind.WhitespaceTrivia))
            {
                comments.Add(comments[0]);
            }

            close = close.WithLeadingTrivia(lineEnd.Concat(comments).Concat(close.LeadingTrivia));
        }

        return list.WithParameters(SyntaxFactory.SeparatedList(kept, separators)).WithCloseParenToken(close);
    }

    /// <summary>The trivia up to the last comment, with the line break or space that ends it; nothing without a comment.</summary>
    private static IEnumerable<SyntaxTrivia> Comments(SyntaxTriviaList trivia)
    {
        var last = -1;
        for (var i = 0; i < trivia.Count; i++)
        {
            if (trivia[i].IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia[i].IsKind(SyntaxKind.MultiLineCommentTrivia))
            {
                last = i;
            }
        }

        if (last >= 0 && last + 1 < trivia.Count && (trivia[last + 1].IsKind(SyntaxKind.EndOfLineTrivia) || trivia[last + 1].IsKind(SyntaxKind.WhitespaceTrivia)))
        {
            last++;
        }

        return trivia.Take(last + 1);
    }

    private static bool IsParamElement(XmlElementSyntax element, HashSet<string> names)
        => element.StartTag.Name.LocalName.ValueText == "param"
            && element.StartTag.Attributes.OfType<XmlNameAttributeSyntax>().Any(a => names.Contains(a.Identifier.Identifier.ValueText));

    /// <summary><c>&lt;paramref name="x"/&gt;</c> for a removed parameter.</summary>
    private static bool IsParamRef(SyntaxNode node, HashSet<string> names)
        => node is XmlEmptyElementSyntax { Name.LocalName.ValueText: "paramref" } element
            && element.Attributes.OfType<XmlNameAttributeSyntax>().Any(a => names.Contains(a.Identifier.Identifier.ValueText));

    /// <summary>
    /// Drops the <c>&lt;param&gt;</c> elements together with the line break and <c>///</c> before each
    /// (else CS1572/CS1573), and points each <c>&lt;paramref&gt;</c> to the lazy value (else CS1734).
    /// </summary>
    private static DocumentationCommentTriviaSyntax WithoutParamElements(DocumentationCommentTriviaSyntax doc, HashSet<string> names, string cref)
    {
        doc = doc.ReplaceNodes(
            doc.DescendantNodes().Where(n => IsParamRef(n, names)),
            (_, current) =>
            {
                var see = SyntaxFactory.ParseLeadingTrivia($"/// <see cref=\"{cref}\"/>\n")
                    .Select(t => t.GetStructure()).OfType<DocumentationCommentTriviaSyntax>().Single()
                    .Content.OfType<XmlEmptyElementSyntax>().Single();

                // Written fully qualified, reduced to what the file's usings and namespace allow.
                var attribute = see.Attributes.OfType<XmlCrefAttributeSyntax>().Single();
                return see.ReplaceNode(attribute.Cref, attribute.Cref.WithAdditionalAnnotations(Simplifier.Annotation));
            });
        var content = doc.Content.ToList();
        for (var i = content.Count - 1; i >= 0; i--)
        {
            if (content[i] is not XmlElementSyntax element || !IsParamElement(element, names))
            {
                continue;
            }

            content.RemoveAt(i);
            if (i > 0 && IsLineBreak(content[i - 1]))
            {
                content.RemoveAt(i - 1);
            }
            else if (i < content.Count && IsLineBreak(content[i]))
            {
                content.RemoveAt(i);
            }
        }

        return doc.WithContent(SyntaxFactory.List(content));
    }

    private static bool IsLineBreak(XmlNodeSyntax node)
        => node is XmlTextSyntax text
            && text.TextTokens.Any(t => t.IsKind(SyntaxKind.XmlTextLiteralNewLineToken))
            && text.TextTokens.All(t => t.IsKind(SyntaxKind.XmlTextLiteralNewLineToken) || string.IsNullOrWhiteSpace(t.ValueText));

    /// <summary>Removes the registration; its comments and blank lines stay, on what follows.</summary>
    private static void RemoveRegistration(SyntaxEditor editor, ExpressionStatementSyntax statement)
    {
        if (statement.Parent is BlockSyntax block)
        {
            var index = block.Statements.IndexOf(statement);
            editor.ReplaceNode(block, (current, _) =>
            {
                var currentBlock = (BlockSyntax)current;
                return StatementRemoval.RemoveKeepingComments(currentBlock, currentBlock.Statements[index]);
            });
            return;
        }

        var global = (GlobalStatementSyntax)statement.Parent!;
        var position = ((CompilationUnitSyntax)global.Parent!).Members.IndexOf(global);
        editor.ReplaceNode(global.Parent!, (current, _) =>
        {
            var unit = (CompilationUnitSyntax)current;
            return StatementRemoval.RemoveKeepingComments(unit, (GlobalStatementSyntax)unit.Members[position]);
        });
    }

    private static ClassDeclarationSyntax NewClass(string name, IReadOnlyList<MemberDeclarationSyntax> members)
    {
        var declaration = (ClassDeclarationSyntax)Generated.Member(
            "// Singletons moved out of the service container (LZM0003): a registration names its type, which\n"
            + "// loads the type's assembly at startup; these are built on first use instead.\n"
            + $"internal static class {name}\n{{\n}}\n");
        return declaration.AddMembers(members.ToArray())
            .WithLeadingTrivia(new[] { SyntaxFactory.ElasticLineFeed }.Concat(declaration.GetLeadingTrivia()))
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    /// <summary>After everything in the file (top-level statements must come before type declarations).</summary>
    private static CompilationUnitSyntax AppendToFile(CompilationUnitSyntax unit, ClassDeclarationSyntax declaration)
    {
        var lastToken = unit.EndOfFileToken.GetPreviousToken();
        var endsWithNewline = lastToken.TrailingTrivia.Any(SyntaxKind.EndOfLineTrivia);
        if (!endsWithNewline)
        {
            unit = unit.ReplaceToken(lastToken, lastToken.WithTrailingTrivia(lastToken.TrailingTrivia.Add(SyntaxFactory.LineFeed)));
            declaration = declaration.WithTrailingTrivia(SyntaxFactory.TriviaList());
        }

        return unit.AddMembers(declaration);
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
