using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using LazyMigrate.Cli.Errors;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LazyMigrate.Cli.Analysis;

/// <summary>
/// The analyzers and code fixes the CLI runs, discovered by reflection over the LazyMigrate analyzer
/// and code-fix assemblies it ships with: the rules live there only, never here.
/// </summary>
public sealed class AnalyzerCatalog
{
    /// <summary>The assembly holding the LZM diagnostics.</summary>
    public const string AnalyzerAssemblyName = "LazyMigrate.Analyzers";

    /// <summary>The assembly holding the LZM code fixes.</summary>
    public const string CodeFixAssemblyName = "LazyMigrate.CodeFixes";

    /// <summary>Creates a catalog from explicit instances.</summary>
    public AnalyzerCatalog(IEnumerable<DiagnosticAnalyzer> analyzers, IEnumerable<CodeFixProvider> fixers)
    {
        Analyzers = analyzers.ToImmutableArray();
        CodeFixes = fixers.ToImmutableArray();
        Descriptors = Analyzers.SelectMany(a => a.SupportedDiagnostics)
            .GroupBy(d => d.Id, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    /// <summary>The analyzers.</summary>
    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

    /// <summary>The code-fix providers.</summary>
    public ImmutableArray<CodeFixProvider> CodeFixes { get; }

    /// <summary>One descriptor per diagnostic id, sorted by id.</summary>
    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; }

    /// <summary>The ids of every diagnostic the analyzers can report.</summary>
    public ISet<string> DiagnosticIds => Descriptors.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);

    /// <summary>The descriptor for an id, or null.</summary>
    public DiagnosticDescriptor? Descriptor(string id) => Descriptors.FirstOrDefault(d => d.Id == id);

    /// <summary>The first provider that can fix <paramref name="diagnosticId"/>, or null.</summary>
    public CodeFixProvider? FixerFor(string diagnosticId) => CodeFixes.FirstOrDefault(f => f.FixableDiagnosticIds.Contains(diagnosticId));

    /// <summary>A catalog with only the analyzers that report <paramref name="diagnosticId"/> (same fixes).</summary>
    public AnalyzerCatalog For(string diagnosticId) => new(
        Analyzers.Where(a => a.SupportedDiagnostics.Any(d => d.Id == diagnosticId)),
        CodeFixes);

    /// <summary>Discovers analyzers and fixes in the shipped assemblies (plus any extra fixes, a seam for tests).</summary>
    public static AnalyzerCatalog Load(IEnumerable<CodeFixProvider>? extraFixes = null)
    {
        var analyzerAssembly = LoadAssembly(AnalyzerAssemblyName);
        var fixAssembly = LoadAssembly(CodeFixAssemblyName);
        var analyzers = new List<DiagnosticAnalyzer>();
        var fixers = new List<CodeFixProvider>(extraFixes ?? Array.Empty<CodeFixProvider>());
        foreach (var assembly in new[] { analyzerAssembly, fixAssembly })
        {
            foreach (var type in LoadableTypes(assembly))
            {
                if (type.IsAbstract || type.GetConstructor(Type.EmptyTypes) is null)
                {
                    continue;
                }

                if (typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && SupportsCSharp(type.GetCustomAttributes<DiagnosticAnalyzerAttribute>().SelectMany(a => a.Languages)))
                {
                    analyzers.Add((DiagnosticAnalyzer)Activator.CreateInstance(type)!);
                }
                else if (typeof(CodeFixProvider).IsAssignableFrom(type) && SupportsCSharp(type.GetCustomAttributes<ExportCodeFixProviderAttribute>().SelectMany(a => a.Languages)))
                {
                    fixers.Add((CodeFixProvider)Activator.CreateInstance(type)!);
                }
            }
        }

        return new AnalyzerCatalog(analyzers.OrderBy(a => a.GetType().FullName, StringComparer.Ordinal), fixers);
    }

    private static bool SupportsCSharp(IEnumerable<string> languages) => languages.Contains(LanguageNames.CSharp);

    private static Assembly LoadAssembly(string name)
    {
        try
        {
            return Assembly.Load(new AssemblyName(name));
        }
        catch (Exception ex) when (ex is System.IO.FileNotFoundException or System.IO.FileLoadException or BadImageFormatException)
        {
            throw new CliException(ExitCodes.BadInput, $"the tool is incomplete: cannot load {name}.dll ({ex.Message}); reinstall LazyMigrate.Cli");
        }
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            return ex.Types.OfType<Type>();
        }
    }
}
