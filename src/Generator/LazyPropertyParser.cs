using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using LazyMigrate.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LazyMigrate.Generator;

/// <summary>Reads one [LazyValue] property into a model, or into the diagnostics that say why it cannot be generated.</summary>
internal static class LazyPropertyParser
{
    private static readonly SymbolDisplayFormat s_typeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static LazyPropertyResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var declaration = (PropertyDeclarationSyntax)context.TargetNode;
        var property = (IPropertySymbol)context.TargetSymbol;
        var attribute = context.Attributes[0];
        var diagnostics = new List<DiagnosticInfo>();
        var name = property.Name;
        var location = declaration.Identifier.GetLocation();

        var shapeProblem = ShapeProblem(declaration, property);
        if (shapeProblem is not null)
        {
            return Fail(DiagnosticInfo.Create(GeneratorDescriptors.LZM1001NotImplementable, location, name, shapeProblem));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var compilation = context.SemanticModel.Compilation;
        var propertyType = property.Type;
        var (kind, valueType) = Classify(property, compilation);

        var package = Package(attribute, valueType, name, location, diagnostics);
        var factory = Factory(attribute, property, kind, valueType, compilation, location, diagnostics);
        if (diagnostics.Count > 0 || package is null || factory is null)
        {
            return new LazyPropertyResult(null, new EquatableArray<DiagnosticInfo>(diagnostics.ToImmutableArray()));
        }

        var containingTypes = ContainingTypes(property.ContainingType);
        var taken = new HashSet<string>(property.ContainingType.MemberNames);
        var declarationSpan = location.GetMappedLineSpan();
        var namespaceSymbol = property.ContainingType.ContainingNamespace;
        var model = new LazyPropertyModel(
            HintName: HintName(property),
            Namespace: namespaceSymbol is null || namespaceSymbol.IsGlobalNamespace ? null : namespaceSymbol.ToDisplayString(),
            ContainingTypes: containingTypes,
            Modifiers: string.Join(" ", declaration.Modifiers.Select(m => m.Text)),
            PropertyName: name,
            PropertyType: propertyType.ToDisplayString(s_typeFormat),
            ValueType: valueType.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(s_typeFormat),
            Kind: kind,
            PackageName: package,
            FactoryName: factory.Name,
            FactoryTakesCancellationToken: factory.Parameters.Length == 1,
            DeclarationFile: declarationSpan.IsValid && declarationSpan.Path.Length > 0 ? declarationSpan.Path : null,
            DeclarationLine: declarationSpan.StartLinePosition.Line + 1,
            LazyFieldName: FreeName("__lazy_" + name, taken),
            FactoryWrapperName: FreeName("__Create_" + name, taken),
            HolderName: FreeName("__" + name + "_Holder", taken),
            HelperName: FreeName("__Get_" + name, taken));
        return new LazyPropertyResult(model, default);

        LazyPropertyResult Fail(DiagnosticInfo diagnostic) =>
            new(null, new EquatableArray<DiagnosticInfo>(ImmutableArray.Create(diagnostic)));
    }

    /// <summary>Why the declaration is not a partial property definition the generator can implement; null when it is.</summary>
    private static string? ShapeProblem(PropertyDeclarationSyntax declaration, IPropertySymbol property)
    {
        if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return "it is not declared 'partial' (write 'static partial', C# 13 or later)";
        }

        var accessors = declaration.AccessorList?.Accessors;
        if (declaration.ExpressionBody is not null || declaration.Initializer is not null || accessors is null
            || accessors.Value.Count != 1 || !accessors.Value[0].IsKind(SyntaxKind.GetAccessorDeclaration)
            || accessors.Value[0].Body is not null || accessors.Value[0].ExpressionBody is not null)
        {
            return "it must have a lone 'get;' accessor and no body or initializer, the generator writes them";
        }

        if (property.RefKind != RefKind.None)
        {
            return "it returns by reference";
        }

        if (property.ContainingType.TypeKind == TypeKind.Interface)
        {
            return "it is declared in an interface";
        }

        if (!property.IsStatic && property.ContainingType.TypeKind != TypeKind.Class)
        {
            return "an instance property must be declared in a class (a struct copy would not share its lazy value)";
        }

        for (var node = declaration.Parent; node is not null; node = node.Parent)
        {
            if (node is TypeDeclarationSyntax type && !type.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return $"its containing type '{type.Identifier.ValueText}' is not declared 'partial'";
            }
        }

        return null;
    }

    /// <summary>The generated shape and the type the lazy value holds (T of Task&lt;T&gt; for async properties).</summary>
    private static (LazyPropertyKind Kind, ITypeSymbol ValueType) Classify(IPropertySymbol property, Compilation compilation)
    {
        var type = property.Type;
        if (property.IsStatic && type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic
            && compilation.GetTypeByMetadataName("LazyMigrate.AsyncLazyValue`1") is not null)
        {
            var definition = generic.ConstructedFrom.ToDisplayString();
            if (definition == "System.Threading.Tasks.Task<TResult>")
            {
                return (LazyPropertyKind.StaticTask, generic.TypeArguments[0]);
            }

            if (definition == "System.Threading.Tasks.ValueTask<TResult>")
            {
                return (LazyPropertyKind.StaticValueTask, generic.TypeArguments[0]);
            }
        }

        if (!property.IsStatic)
        {
            return (LazyPropertyKind.Instance, type);
        }

        // The holder's "null means not built" test needs a reference type.
        return (type.IsReferenceType ? LazyPropertyKind.StaticHolder : LazyPropertyKind.StaticDirect, type);
    }

    private static string? Package(AttributeData attribute, ITypeSymbol valueType, string propertyName, Location location, List<DiagnosticInfo> diagnostics)
    {
        if (attribute.ConstructorArguments.Length == 1)
        {
            var named = attribute.ConstructorArguments[0].Value as string;
            if (string.IsNullOrWhiteSpace(named))
            {
                diagnostics.Add(DiagnosticInfo.Create(GeneratorDescriptors.LZM1004PackageUnknown, location, propertyName, "the package name given is empty"));
                return null;
            }

            return named!.Trim();
        }

        var entry = CatalogEntry(valueType, depth: 0);
        if (entry is null)
        {
            var assembly = valueType.ContainingAssembly?.Name ?? "(none)";
            diagnostics.Add(DiagnosticInfo.Create(GeneratorDescriptors.LZM1004PackageUnknown, location, propertyName,
                $"the heavy-package catalog has no package for '{valueType.ToDisplayString()}' (assembly '{assembly}')"));
            return null;
        }

        return entry.Name;
    }

    /// <summary>The catalog package of the type's assembly, else of its element or type arguments (List&lt;Image&gt;).</summary>
    private static HeavyPackageInfo? CatalogEntry(ITypeSymbol type, int depth)
    {
        if (depth > 8)
        {
            return null;
        }

        if (type.ContainingAssembly is { } assembly && HeavyPackageCatalog.FindByAssembly(assembly.Name) is { } entry)
        {
            return entry;
        }

        return type switch
        {
            IArrayTypeSymbol array => CatalogEntry(array.ElementType, depth + 1),
            INamedTypeSymbol named => named.TypeArguments.Select(t => CatalogEntry(t, depth + 1)).FirstOrDefault(e => e is not null),
            _ => null,
        };
    }

    private static IMethodSymbol? Factory(AttributeData attribute, IPropertySymbol property, LazyPropertyKind kind, ITypeSymbol valueType,
        Compilation compilation, Location location, List<DiagnosticInfo> diagnostics)
    {
        var name = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Factory").Value.Value as string;
        if (string.IsNullOrWhiteSpace(name))
        {
            name = "Create" + property.Name;
        }

        var isAsync = kind is LazyPropertyKind.StaticTask or LazyPropertyKind.StaticValueTask;
        var expectedReturn = isAsync ? $"Task<{valueType.ToDisplayString()}>" : property.Type.ToDisplayString();
        var expectedParameters = isAsync ? "() or (CancellationToken)" : "()";
        var candidates = property.ContainingType.GetMembers(name!).OfType<IMethodSymbol>().ToList();
        if (candidates.Count == 0)
        {
            var shape = $" ({(property.IsStatic ? "static " : string.Empty)}{expectedReturn} {name}{expectedParameters})";
            diagnostics.Add(DiagnosticInfo.Create(GeneratorDescriptors.LZM1002FactoryNotFound, location, property.Name, name!, property.ContainingType.Name, shape));
            return null;
        }

        var factory = candidates.FirstOrDefault(m => TakesExpectedParameters(m, isAsync, compilation)) ?? candidates[0];
        var problem = SignatureProblem(factory, property, isAsync, valueType, compilation, expectedReturn);
        if (problem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(GeneratorDescriptors.LZM1003FactorySignature, location, name!, property.Name, problem));
            return null;
        }

        return factory;
    }

    private static bool TakesExpectedParameters(IMethodSymbol method, bool isAsync, Compilation compilation) =>
        method.Parameters.Length == 0
        || (isAsync && method.Parameters.Length == 1 && method.Parameters[0].RefKind == RefKind.None
            && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, compilation.GetTypeByMetadataName("System.Threading.CancellationToken")));

    private static string? SignatureProblem(IMethodSymbol factory, IPropertySymbol property, bool isAsync, ITypeSymbol valueType, Compilation compilation, string expectedReturn)
    {
        if (!TakesExpectedParameters(factory, isAsync, compilation))
        {
            return isAsync ? "must take no parameters or a single CancellationToken" : "must take no parameters";
        }

        if (factory.IsGenericMethod)
        {
            return "must not be generic";
        }

        if (property.IsStatic && !factory.IsStatic)
        {
            return "must be static, like the property";
        }

        if (factory.ReturnsByRef || factory.ReturnsByRefReadonly)
        {
            return "must not return by reference";
        }

        var returnType = factory.ReturnType;
        if (isAsync)
        {
            var task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
            if (returnType is INamedTypeSymbol named && SymbolEqualityComparer.Default.Equals(named.ConstructedFrom, task)
                && SymbolEqualityComparer.Default.Equals(named.TypeArguments[0], valueType))
            {
                return null;
            }

            return $"returns '{returnType.ToDisplayString()}'; it must return '{expectedReturn}'";
        }

        if (returnType.SpecialType == SpecialType.System_Object || SymbolEqualityComparer.Default.Equals(returnType, property.Type))
        {
            return null;
        }

        var conversion = compilation.ClassifyConversion(returnType, property.Type);
        if (conversion.IsImplicit && (conversion.IsIdentity || conversion.IsReference))
        {
            return null;
        }

        return $"returns '{returnType.ToDisplayString()}'; it must return '{expectedReturn}', a type converted to it by reference, or object";
    }

    private static EquatableArray<ContainingTypeModel> ContainingTypes(INamedTypeSymbol type)
    {
        var chain = new List<ContainingTypeModel>();
        for (var current = type; current is not null; current = current.ContainingType)
        {
            var keyword = current.TypeKind switch
            {
                TypeKind.Struct => current.IsRecord ? "record struct" : "struct",
                TypeKind.Interface => "interface",
                _ => current.IsRecord ? "record" : "class",
            };
            var typeParameters = current.TypeParameters.Length == 0
                ? string.Empty
                : "<" + string.Join(", ", current.TypeParameters.Select(p => p.Name)) + ">";
            chain.Insert(0, new ContainingTypeModel(keyword, current.Name, typeParameters));
        }

        return new EquatableArray<ContainingTypeModel>(chain.ToImmutableArray());
    }

    /// <summary>A file name unique per property: the containing types' metadata names (arity included) and the property.</summary>
    private static string HintName(IPropertySymbol property)
    {
        var parts = new List<string>();
        for (var current = property.ContainingType; current is not null; current = current.ContainingType)
        {
            parts.Insert(0, current.MetadataName.Replace('`', '_'));
        }

        var ns = property.ContainingType.ContainingNamespace;
        var prefix = ns is null || ns.IsGlobalNamespace ? string.Empty : ns.ToDisplayString() + ".";
        return prefix + string.Join(".", parts) + "." + property.Name + ".g.cs";
    }

    /// <summary>The name, or the name with a number appended when the type already declares a member of that name.</summary>
    private static string FreeName(string name, HashSet<string> taken)
    {
        var candidate = name;
        for (var n = 1; !taken.Add(candidate); n++)
        {
            candidate = name + n;
        }

        return candidate;
    }
}
