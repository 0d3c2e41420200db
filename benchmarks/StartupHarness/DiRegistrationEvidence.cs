using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace LazyMigrate.StartupHarness;

/// <summary>
/// The issue's one allowed exception to "no heavy managed assembly at ready": a DI registration must
/// name its service type (<c>AddSingleton(sp =&gt; new MLContext(..))</c> is <c>AddSingleton&lt;MLContext&gt;</c>),
/// so the JIT of the method holding the registrations loads the type's assembly and those its
/// type signature needs (base types and interfaces; no code of the package runs).
/// A heavy package counts as explained only with both pieces of evidence: the migrated
/// <c>Program.cs</c> registers one of the package's types, and the profiler's first trigger for
/// every one of its assemblies is the top-level <c>Main</c> that holds those registrations.
/// </summary>
internal static class DiRegistrationEvidence
{
    /// <summary>Service types the sample registers, by the catalog package that defines them (sample-specific by design).</summary>
    private static readonly Dictionary<string, string> s_packageOfType = new(StringComparer.Ordinal)
    {
        ["MLContext"] = "Microsoft.ML",
        ["BlobServiceClient"] = "Azure SDK",
    };

    private static readonly Regex s_registration = new(
        @"\.Add(?:Singleton|Scoped|Transient)\s*(?:<\s*(?<generic>[\w.]+)\s*(?:,[^>]*)?>)?\s*\(\s*(?:\w+\s*=>\s*new\s+(?<created>[\w.]+)\s*\()?",
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
    /// For each heavy package still loaded at ready, the DI-registered type that explains it, or null
    /// when nothing does. <paramref name="heavyAtReady"/> maps package → "asm1, asm2";
    /// <paramref name="triggers"/> maps assembly → first trigger.
    /// </summary>
    public static Dictionary<string, string?> Explain(
        IReadOnlyDictionary<string, string> heavyAtReady, IReadOnlyDictionary<string, string> triggers, IReadOnlyList<string> registeredTypes)
    {
        var explained = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (package, assemblies) in heavyAtReady)
        {
            var type = registeredTypes.FirstOrDefault(t => s_packageOfType.TryGetValue(t, out var p) && p == package);
            var fromMain = assemblies.Split(", ", StringSplitOptions.RemoveEmptyEntries)
                .All(a => triggers.TryGetValue(a, out var trigger) && trigger.Contains("<Main>$", StringComparison.Ordinal));
            explained[package] = type is not null && fromMain ? type : null;
        }

        return explained;
    }
}
