using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;

namespace LazyMigrate.StartupHarness;

/// <summary>
/// The one allowed exception to "no heavy managed assembly at ready": a DI registration must name its service
/// type (<c>AddSingleton(sp =&gt; new Client(..))</c> is <c>AddSingleton&lt;Client&gt;</c>), so the JIT of the
/// method holding the registrations loads the type's assembly and those its type signature needs (base types
/// and interfaces; no code of the package runs).
/// A heavy package counts as explained only with three pieces of evidence, none of them known in advance:
/// the migrated <c>Program.cs</c> registers a type; the app's own build output shows that type defined in one
/// of the package's assemblies (the package and its assemblies come from the catalog, through the profile);
/// and the profiler's first trigger for every one of the package's assemblies is the top-level <c>Main</c>
/// that holds the registrations.
/// </summary>
internal static class DiRegistrationEvidence
{
    private static readonly Regex s_registration = new(
        @"\.Add(?!HostedService)\w*\s*(?:<\s*(?<generic>[\w.]+)\s*(?:,[^>]*)?>)?\s*\(\s*(?:\w+\s*=>\s*new\s+(?<created>[\w.]+)\s*\()?",
        RegexOptions.CultureInvariant);

    /// <summary>The service types registered in <paramref name="programFile"/>, short names.</summary>
    public static IReadOnlyList<string> RegisteredTypes(string programFile)
    {
        if (!File.Exists(programFile))
        {
            return Array.Empty<string>();
        }

        return s_registration.Matches(File.ReadAllText(programFile))
            .Select(m => m.Groups["generic"].Success ? m.Groups["generic"].Value : m.Groups["created"].Value)
            .Where(name => name.Length > 0)
            .Select(name => name[(name.LastIndexOf('.') + 1)..])
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// For each of <paramref name="typeNames"/> (short names), the simple names of the assemblies in
    /// <paramref name="outputDirectory"/> that define a public top-level type of that name, and of the
    /// assembly defining its base type when that is another one (an app's class deriving from a package's
    /// base class needs the package's assembly as soon as the app's class loads). Reads metadata only.
    /// </summary>
    public static Dictionary<string, List<string>> DefiningAssemblies(string outputDirectory, IReadOnlyCollection<string> typeNames)
    {
        var wanted = new HashSet<string>(typeNames, StringComparer.Ordinal);
        var found = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (wanted.Count == 0 || !Directory.Exists(outputDirectory))
        {
            return found;
        }

        foreach (var file in Directory.EnumerateFiles(outputDirectory, "*.dll").OrderBy(f => f, StringComparer.Ordinal))
        {
            try
            {
                using var stream = File.OpenRead(file);
                using var pe = new PEReader(stream);
                if (!pe.HasMetadata)
                {
                    continue;
                }

                var reader = pe.GetMetadataReader();
                if (!reader.IsAssembly)
                {
                    continue;
                }

                var assembly = reader.GetString(reader.GetAssemblyDefinition().Name);
                foreach (var handle in reader.TypeDefinitions)
                {
                    var type = reader.GetTypeDefinition(handle);
                    var name = reader.GetString(type.Name);
                    var tick = name.IndexOf('`', StringComparison.Ordinal);
                    name = tick < 0 ? name : name[..tick];
                    if ((type.Attributes & TypeAttributes.VisibilityMask) == TypeAttributes.Public && wanted.Contains(name))
                    {
                        if (!found.TryGetValue(name, out var list))
                        {
                            found[name] = list = new List<string>();
                        }

                        foreach (var needed in new[] { assembly, BaseTypeAssembly(reader, type) })
                        {
                            if (needed is not null && !list.Contains(needed, StringComparer.Ordinal))
                            {
                                list.Add(needed);
                            }
                        }
                    }
                }
            }
            catch (BadImageFormatException)
            {
                // A native library with a .dll name: it defines no managed type.
            }
        }

        return found;
    }

    /// <summary>The assembly a type's base type is defined in, when the base type is a plain reference to another assembly.</summary>
    private static string? BaseTypeAssembly(MetadataReader reader, TypeDefinition type)
    {
        if (type.BaseType.IsNil || type.BaseType.Kind != HandleKind.TypeReference)
        {
            return null;
        }

        // Every type needs the core library; only a base type from a package says something.
        var baseType = reader.GetTypeReference((TypeReferenceHandle)type.BaseType);
        if (reader.GetString(baseType.Namespace) == "System")
        {
            return null;
        }

        var scope = baseType.ResolutionScope;
        return scope.Kind == HandleKind.AssemblyReference
            ? reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name)
            : null;
    }

    /// <summary>
    /// For each heavy package still loaded at ready, the DI-registered type that explains it, or null when
    /// nothing does. <paramref name="heavyAtReady"/> maps package → "asm1, asm2" (the profile's catalog view);
    /// <paramref name="triggers"/> maps assembly → first trigger; <paramref name="definingAssemblies"/> maps a
    /// registered type → the assemblies defining it (see <see cref="DefiningAssemblies"/>).
    /// </summary>
    public static Dictionary<string, string?> Explain(
        IReadOnlyDictionary<string, string> heavyAtReady,
        IReadOnlyDictionary<string, string> triggers,
        IReadOnlyList<string> registeredTypes,
        IReadOnlyDictionary<string, List<string>> definingAssemblies)
    {
        var explained = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (package, loaded) in heavyAtReady)
        {
            var assemblies = loaded.Split(", ", StringSplitOptions.RemoveEmptyEntries);
            var type = registeredTypes.FirstOrDefault(t =>
                definingAssemblies.TryGetValue(t, out var defining) && defining.Any(d => assemblies.Contains(d, StringComparer.Ordinal)));
            var fromMain = assemblies.All(a => triggers.TryGetValue(a, out var trigger) && trigger.Contains("<Main>$", StringComparison.Ordinal));
            explained[package] = type is not null && fromMain ? type : null;
        }

        return explained;
    }
}
