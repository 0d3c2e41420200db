using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using LazyMigrate.Catalog;
using Microsoft.CodeAnalysis;

namespace LazyMigrate.Analyzers.Infrastructure;

/// <summary>Why a type is heavy: the package it belongs to.</summary>
internal sealed class HeavyInfo
{
    public HeavyInfo(string packageName) => PackageName = packageName;

    /// <summary>Catalog package name, or the assembly name for user configuration and [Heavy] types.</summary>
    public string PackageName { get; }
}

/// <summary>
/// Decides which types are heavy (docs/configuration.md, "What is heavy"): built once per compilation and configuration,
/// answers are cached per type and per assembly. Thread-safe.
/// </summary>
internal sealed class HeavyTypeResolver
{
    private const string HeavyAttributeName = "HeavyAttribute";

    private readonly LazyMigrateOptions _options;
    private readonly ImmutableArray<string> _attributeAssemblies;
    private readonly ConcurrentDictionary<IAssemblySymbol, string> _assemblies = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, HeavyInfo> _types = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, bool> _configurationTypes = new(SymbolEqualityComparer.Default);
    private static readonly HeavyInfo s_notHeavy = new(string.Empty);

    public HeavyTypeResolver(LazyMigrateOptions options, ImmutableArray<string> attributeAssemblies)
    {
        _options = options;
        _attributeAssemblies = attributeAssemblies;
    }

    public LazyMigrateOptions Options => _options;

    /// <summary>The heavy package of a type, or null. Constructed generics are judged by their definition.</summary>
    public HeavyInfo? GetHeavy(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol named || named.TypeKind == TypeKind.Error)
        {
            return null;
        }

        var definition = named.OriginalDefinition;
        var info = Cached(definition, 0);
        return ReferenceEquals(info, s_notHeavy) ? null : info;
    }

    /// <summary>
    /// The heavy package whose code runs when a value of the type is built or used, or null: <see cref="GetHeavy"/>
    /// without the catalog's configuration types (options and their builders), which only record settings.
    /// The rules that report work (construction, calls, resolutions) ask this; the ones that report a type named
    /// in compiled code (the assembly load) ask <see cref="GetHeavy"/>.
    /// </summary>
    public HeavyInfo? GetHeavyWork(ITypeSymbol? type)
    {
        var info = GetHeavy(type);
        return info is null || IsConfiguration((INamedTypeSymbol)type!) ? null : info;
    }

    private bool IsConfiguration(INamedTypeSymbol type)
    {
        var definition = type.OriginalDefinition;
        if (!_configurationTypes.TryGetValue(definition, out var isConfiguration))
        {
            isConfiguration = false;
            var depth = 0;
            for (INamedTypeSymbol? current = definition; current is not null && depth < 16; current = current.BaseType?.OriginalDefinition, depth++)
            {
                if (HeavyPackageCatalog.IsConfigurationType(SymbolNames.MetadataName(current)))
                {
                    isConfiguration = true;
                    break;
                }
            }

            _configurationTypes.TryAdd(definition, isConfiguration);
        }

        return isConfiguration;
    }

    /// <summary>The heavy package an assembly belongs to (catalog or configuration), or null.</summary>
    public string? PackageOfAssembly(string assemblyName)
    {
        foreach (var pattern in _options.HeavyAssemblies)
        {
            if (HeavyPackageCatalog.AssemblyPatternMatches(pattern, assemblyName))
            {
                return assemblyName;
            }
        }

        foreach (var pattern in _attributeAssemblies)
        {
            if (HeavyPackageCatalog.AssemblyPatternMatches(pattern, assemblyName))
            {
                return assemblyName;
            }
        }

        var entry = HeavyPackageCatalog.FindByAssembly(assemblyName);
        if (entry is null || IsRemoved(entry, assemblyName))
        {
            return null;
        }

        return entry.Name;
    }

    private bool IsRemoved(HeavyPackageInfo entry, string assemblyName)
    {
        foreach (var pattern in _options.NotHeavyAssemblies)
        {
            if (string.Equals(pattern, entry.Name, StringComparison.OrdinalIgnoreCase)
                || HeavyPackageCatalog.AssemblyPatternMatches(pattern, assemblyName))
            {
                return true;
            }
        }

        return false;
    }

    private HeavyInfo Cached(INamedTypeSymbol type, int depth)
    {
        if (!_types.TryGetValue(type, out var info))
        {
            info = Compute(type, depth);
            _types.TryAdd(type, info);
        }

        return info;
    }

    private HeavyInfo Compute(INamedTypeSymbol type, int depth)
    {
        var assembly = type.ContainingAssembly;
        var assemblyName = assembly?.Name ?? string.Empty;

        if (!_options.HeavyTypes.IsEmpty)
        {
            if (_options.HeavyTypes.Matches(SymbolNames.MetadataName(type)) || _options.HeavyTypes.Matches(SymbolNames.MetadataName(type, '.')))
            {
                return new HeavyInfo(assemblyName);
            }
        }

        // Framework types are never heavy by catalog or attribute, only by explicit configuration.
        if (IsFramework(type))
        {
            return ConfiguredAssembly(assemblyName) is { } configured ? new HeavyInfo(configured) : s_notHeavy;
        }

        if (assembly is not null)
        {
            if (!_assemblies.TryGetValue(assembly, out var package))
            {
                package = PackageOfAssembly(assembly.Name) ?? string.Empty;
                _assemblies.TryAdd(assembly, package);
            }

            if (package.Length > 0)
            {
                return new HeavyInfo(package);
            }
        }

        foreach (var attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass?.Name == HeavyAttributeName)
            {
                return new HeavyInfo(assemblyName);
            }
        }

        // A type deriving from a heavy type is heavy: constructing it runs the heavy base constructor.
        if (type.BaseType is { } baseType && depth < 16 && baseType.SpecialType != SpecialType.System_Object)
        {
            var baseInfo = Cached(baseType.OriginalDefinition, depth + 1);
            if (!ReferenceEquals(baseInfo, s_notHeavy))
            {
                return baseInfo;
            }
        }

        return s_notHeavy;
    }

    private string? ConfiguredAssembly(string assemblyName)
    {
        foreach (var pattern in _options.HeavyAssemblies)
        {
            if (HeavyPackageCatalog.AssemblyPatternMatches(pattern, assemblyName))
            {
                return assemblyName;
            }
        }

        return null;
    }

    private static bool IsFramework(INamedTypeSymbol type)
    {
        var ns = SymbolNames.Namespace(type);
        return ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal)
            || ns == "Microsoft.Extensions" || ns.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal);
    }
}
