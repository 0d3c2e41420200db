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
/// <para>This file is the driver; the other jobs are in LZM0003LazyValueMove.Consumers (finding
/// consumers), .Host (the class that holds the lazy value) and .ConsumerRewrite (rewriting consumers).</para>
/// </summary>
internal static partial class LZM0003LazyValueMove
{
    /// <summary>Title of the code action.</summary>
    public const string Title = "Move the singleton to a lazy value";

    /// <summary>The generated class's name: the first of these the namespace does not use yet.</summary>
    private static readonly string[] ClassNames = { "LazyServices", "LazyAppServices", "DeferredServices" };

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
        var existing = FindGeneratedClass(model.Compilation, cancellationToken);
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
            var free = ClassNames.Where(n => !targetNamespace.GetMembers(n).Any()).ToList();
            if (free.Count == 0)
            {
                throw new FixSkippedException($"no free name for the generated class ({string.Join(", ", ClassNames)} are all taken)");
            }

            className = free[0];
        }

        taken.Add(className);
        var names = MemberNames.For(document, model.SyntaxTree, null, taken);
        var propertyName = names.Reserve(new[] { service.Name, "Lazy" + service.Name, "Default" + service.Name });
        var typeText = Generated.Type(service.WithNullableAnnotation(NullableAnnotation.NotAnnotated)).ToFullString();
        var packageName = LazyMembers.PackageName(diagnostic, service);
        var addImports = host is { } other && other.Document.Id != document.Id;
        IReadOnlyList<MemberDeclarationSyntax> members;
        var partial = LazyValueProperty.Applies(document, model, existing, service, isStatic: true, packageName, instance, typeAnnotated: false);
        if (partial)
        {
            // The [LazyValue] partial property; the generator writes the proxy and the holder.
            var factory = LazyValueProperty.PickFactoryName(names, isStatic: true, propertyName, "Build" + propertyName);
            var written = await WrittenInstanceAsync(document, instance, addImports, cancellationToken).ConfigureAwait(false);
            members = LazyValueProperty.Build(packageName!, "internal static", typeText, propertyName, factory, isStatic: true, written);
        }
        else
        {
            var proxyName = names.Pick(NameKind.Field, isStatic: true, isReadOnly: true, propertyName, "Lazy" + propertyName);
            var factoryName = names.Pick(NameKind.Method, isStatic: true, "Create" + propertyName, "Build" + propertyName);
            var holderName = names.Pick(NameKind.NestedClass, isStatic: true, propertyName + "Holder", propertyName + "ValueHolder");

            var hostModel = host is null ? model : await host.Value.Document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var hostPosition = host is null ? statement.SpanStart : host.Value.Declaration.SpanStart;
            var cache = hostModel is null ? null : LazyMembers.Cache(hostModel, hostPosition, service, typeText, holderName);
            if (cache is null)
            {
                return null;
            }

            members = LazyMembers.Build(new LazyMemberSpec
            {
                Runtime = true,
                PackageName = packageName,
                PropertyModifiers = "internal static",
                TypeText = typeText,
                PropertyName = propertyName,
                ProxyName = proxyName,
                FactoryName = factoryName,
                FactoryBody = LazyMembers.FactoryBody(model, instance, typeText, await WrittenInstanceAsync(document, instance, addImports, cancellationToken).ConfigureAwait(false)),
                Cache = cache,
                HolderName = holderName,
            });
        }

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
            Edit(h.Document.Id, e => e.ReplaceNode(h.Declaration, (current, _) =>
            {
                var extended = ((ClassDeclarationSyntax)current).AddMembers(members.ToArray());
                return partial ? LazyValueProperty.WithPartial(extended) : extended;
            }));
        }
        else
        {
            var declaration = NewClass(className, members, partial);
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
}
