using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using LazyMigrate.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LazyMigrate.Analyzers.Infrastructure;

/// <summary>
/// Everything a rule needs about one compilation, resolved once in its compilation-start action:
/// configuration (per distinct .editorconfig content), the heavy-type resolver, [assembly: HeavyAssembly] names.
/// </summary>
internal sealed class LazyMigrateEnvironment
{
    private const string HeavyAssemblyAttributeName = "HeavyAssemblyAttribute";

    private readonly AnalyzerConfigOptionsProvider _optionsProvider;
    private readonly ImmutableArray<string> _attributeAssemblies;
    private readonly ConcurrentDictionary<string, HeavyTypeResolver> _resolvers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<SyntaxTree, HeavyTypeResolver> _resolversByTree = new();
    private readonly StartupClassifications _classifications = new();

    private LazyMigrateEnvironment(Compilation compilation, AnalyzerConfigOptionsProvider optionsProvider, ImmutableArray<string> attributeAssemblies)
    {
        Compilation = compilation;
        _optionsProvider = optionsProvider;
        _attributeAssemblies = attributeAssemblies;
    }

    public Compilation Compilation { get; }

    /// <summary>
    /// Startup classification of the compilation's bodies, shared by the rules that walk them (LZM0002, LZM0004 to LZM0006, LZM0008):
    /// each body is classified once instead of once per rule, and once instead of once per lambda inside it.
    /// </summary>
    public StartupBody? ClassifyStartup(SyntaxNode owner, SemanticModel model, LazyMigrateOptions options, CancellationToken cancellationToken) =>
        StartupPathClassifier.Classify(owner, model, options, _classifications, cancellationToken);

    /// <summary>
    /// The environment, or null when nothing in the compilation can be heavy (no catalog or configured
    /// assembly referenced, no Heavy attribute anywhere): the rules then register nothing.
    /// With <paramref name="alsoForLazyProxies"/>, a compilation that declares or references the LazyMigrate
    /// proxies (LazyValue, LazyPackage, …) is analyzed too. Every caller is a startup rule, so a test project
    /// (<see cref="TestProjects"/>) gets null as well: it has no startup path of its own.
    /// </summary>
    public static LazyMigrateEnvironment? TryCreate(Compilation compilation, AnalyzerConfigOptionsProvider optionsProvider, bool alsoForLazyProxies = false)
    {
        // Seven rules ask for the same compilation: decide and build once, so they also share the
        // resolver's per-type answers. A different options provider (never in one build) gets its own.
        var shared = s_shared.GetValue(compilation, c => new SharedDecision(c, optionsProvider));
        if (!ReferenceEquals(shared.OptionsProvider, optionsProvider))
        {
            shared = new SharedDecision(compilation, optionsProvider);
        }

        if (shared.Environment is null)
        {
            return null;
        }

        if (shared.MayBeHeavy || (alsoForLazyProxies && shared.HasLazyProxies))
        {
            return shared.Environment;
        }

        return null;
    }

    private static readonly ConditionalWeakTable<Compilation, SharedDecision> s_shared = new();

    /// <summary>What <see cref="TryCreate"/> decides for one compilation and options provider.</summary>
    private sealed class SharedDecision
    {
        private readonly Lazy<bool> _hasLazyProxies;

        public SharedDecision(Compilation compilation, AnalyzerConfigOptionsProvider optionsProvider)
        {
            OptionsProvider = optionsProvider;
            _hasLazyProxies = new Lazy<bool>(() => LazyMigrateEnvironment.HasLazyProxies(compilation));
            if (TestProjects.IsTestProject(compilation, optionsProvider))
            {
                return;
            }

            var attributeAssemblies = ReadHeavyAssemblyAttributes(compilation);
            Environment = new LazyMigrateEnvironment(compilation, optionsProvider, attributeAssemblies);
            MayBeHeavy = !attributeAssemblies.IsEmpty || Environment.AnyTreeAddsHeavyThings() || ReferencesCatalogAssembly(compilation) || HasHeavyAttribute(compilation);
        }

        public AnalyzerConfigOptionsProvider OptionsProvider { get; }

        /// <summary>Null for a test project.</summary>
        public LazyMigrateEnvironment? Environment { get; }

        /// <summary>Something in the compilation can be heavy (catalog or configured assembly referenced, a Heavy attribute).</summary>
        public bool MayBeHeavy { get; }

        public bool HasLazyProxies => _hasLazyProxies.Value;
    }

    /// <summary>The resolver for the configuration that applies to <paramref name="tree"/> (shared by trees with equal config).</summary>
    public HeavyTypeResolver ResolverFor(SyntaxTree? tree)
    {
        if (tree is null)
        {
            return ResolverForOptions(null);
        }

        if (!_resolversByTree.TryGetValue(tree, out var resolver))
        {
            resolver = _resolversByTree.GetOrAdd(tree, ResolverForOptions(tree));
        }

        return resolver;
    }

    private HeavyTypeResolver ResolverForOptions(SyntaxTree? tree)
    {
        var options = LazyMigrateOptions.For(_optionsProvider, tree);
        var key = LazyMigrateOptions.RawKey(options);
        if (_resolvers.TryGetValue(key, out var resolver))
        {
            return resolver;
        }

        resolver = new HeavyTypeResolver(LazyMigrateOptions.Parse(options), _attributeAssemblies);
        return _resolvers.GetOrAdd(key, resolver);
    }

    /// <summary>True for System.Lazy&lt;T&gt;.</summary>
    public static bool IsSystemLazy(INamedTypeSymbol type) =>
        type.MetadataName == "Lazy`1" && SymbolNames.IsInNamespace(type, "System");

    /// <summary>True for a LazyMigrate type with this metadata name (the runtime's or a user look-alike).</summary>
    public static bool IsLazyMigrateType(ITypeSymbol? type, string metadataName) =>
        type is INamedTypeSymbol named && named.MetadataName == metadataName && SymbolNames.IsInNamespace(named, "LazyMigrate");

    private bool AnyTreeAddsHeavyThings()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (AddsHeavyThings(_optionsProvider.GlobalOptions, seen))
        {
            return true;
        }

        foreach (var tree in Compilation.SyntaxTrees)
        {
            if (AddsHeavyThings(_optionsProvider.GetOptions(tree), seen))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AddsHeavyThings(AnalyzerConfigOptions options, HashSet<string> seen)
    {
        var key = LazyMigrateOptions.RawKey(options);
        return seen.Add(key) && LazyMigrateOptions.Parse(options).AddsHeavyThings;
    }

    private static bool ReferencesCatalogAssembly(Compilation compilation)
    {
        foreach (var identity in compilation.ReferencedAssemblyNames)
        {
            if (HeavyPackageCatalog.FindByAssembly(identity.Name) is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasHeavyAttribute(Compilation compilation) =>
        compilation.ContainsSymbolsWithName("HeavyAttribute", SymbolFilter.Type)
        || compilation.GetTypeByMetadataName("LazyMigrate.HeavyAttribute") is not null;

    private static bool HasLazyProxies(Compilation compilation)
    {
        foreach (var name in new[] { "LazyValue", "LazyValue`1", "AsyncLazyValue`1", "LazyPackage", "LazyPackageRegistry" })
        {
            if (compilation.GetTypeByMetadataName("LazyMigrate." + name) is not null)
            {
                return true;
            }
        }

        return compilation.ContainsSymbolsWithName(n => n is "LazyValue" or "AsyncLazyValue" or "LazyPackage" or "LazyPackageRegistry", SymbolFilter.Type);
    }

    private static ImmutableArray<string> ReadHeavyAssemblyAttributes(Compilation compilation)
    {
        // Binding the assembly's attributes is costly; skip it unless some file could declare the attribute.
        if (!MayDeclareHeavyAssemblies(compilation))
        {
            return ImmutableArray<string>.Empty;
        }

        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var attribute in compilation.Assembly.GetAttributes())
        {
            if (attribute.AttributeClass?.Name == HeavyAssemblyAttributeName
                && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is string name
                && name.Trim().Length > 0)
            {
                builder.Add(name.Trim());
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>
    /// Syntax-only test: some file has <c>[assembly: …]</c> attributes and some file mentions HeavyAssembly
    /// (the attribute itself, or a using alias for it, possibly in another file).
    /// </summary>
    private static bool MayDeclareHeavyAssemblies(Compilation compilation)
    {
        var hasAssemblyAttributes = false;
        var mentionsName = false;
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (!hasAssemblyAttributes && tree.GetRoot() is CompilationUnitSyntax { AttributeLists.Count: > 0 } unit)
            {
                foreach (var list in unit.AttributeLists)
                {
                    hasAssemblyAttributes |= list.Target?.Identifier.IsKind(SyntaxKind.AssemblyKeyword) == true;
                }
            }

            mentionsName = mentionsName || tree.GetText().ToString().IndexOf("HeavyAssembly", StringComparison.Ordinal) >= 0;
            if (hasAssemblyAttributes && mentionsName)
            {
                return true;
            }
        }

        return false;
    }
}
