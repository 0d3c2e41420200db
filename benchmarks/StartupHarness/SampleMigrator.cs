using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Xml.Linq;

namespace LazyMigrate.StartupHarness;

/// <summary>What migrating the temp copy of the sample produced.</summary>
internal sealed class MigrationResult
{
    public bool Succeeded => Error is null && DllPath is not null;

    public string? Error { get; set; }

    public string? DllPath { get; set; }

    public string CopyDirectory { get; set; } = "";

    public string FixerCommand { get; set; } = "";

    public List<string> ChangedFiles { get; } = new();

    /// <summary>Service types the migrated Program.cs registers in DI (short names).</summary>
    public List<string> RegisteredServiceTypes { get; } = new();

    /// <summary>Registered service type → the assemblies of the migrated build that define it.</summary>
    public Dictionary<string, List<string>> ServiceTypeAssemblies { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Copies the measured app to a temp folder so it builds outside the repository, runs the fixer on it
/// (dotnet format analyzers or lazymigrate fix) and builds the result.
/// </summary>
internal static class SampleMigrator
{
    /// <summary>The diagnostics whose fixes <c>dotnet format analyzers</c> applies.</summary>
    public static readonly string[] Diagnostics = { "LZM0001", "LZM0002", "LZM0003", "LZM0004", "LZM0005", "LZM0008" };

    /// <summary>
    /// The fix options the migrated copy opts into, in its own .editorconfig. Both are design changes a
    /// team chooses: LZM0003 moves eager singletons to lazy values instead of registering factories (with
    /// a factory registration the heavy instance is still built as soon as a consumer that takes it in its
    /// constructor is); a web app's startup work that runs for its effect (a schema migration) runs before
    /// the first request instead of before the server starts.
    /// </summary>
    public static readonly string[] FixOptions =
    {
        "lazymigrate.lzm0003.preferred_fix = lazy_value_move",
        "lazymigrate.web_startup_work = before_first_request",
    };

    public static MigrationResult Migrate(RepositoryLayout layout, HarnessOptions options, string codeFixesOutputDir, string generatorAssembly, Action<string> log)
    {
        var result = new MigrationResult();
        var root = Path.Combine(Path.GetTempPath(), "lazymigrate-startup-" + Guid.NewGuid().ToString("N")[..8]);
        var copy = Path.Combine(root, Path.GetFileName(layout.SampleDirectory));
        var project = Path.Combine(copy, Path.GetFileName(layout.SampleProject));
        result.CopyDirectory = copy;
        try
        {
            CopySample(layout, root, copy, project, codeFixesOutputDir, generatorAssembly);
            var before = Snapshot(copy);

            var fix = RunFixer(layout, options, project, result);
            log($"  {result.FixerCommand}: exit {fix.ExitCode} in {fix.Elapsed.TotalSeconds:0.0} s");
            if (!fix.Succeeded)
            {
                result.Error = $"the fixer failed (exit {fix.ExitCode}): {fix.Tail(15)}";
                return result;
            }

            var after = Snapshot(copy);
            result.ChangedFiles.AddRange(after.Where(p => !before.TryGetValue(p.Key, out var hash) || hash != p.Value).Select(p => p.Key).OrderBy(p => p, StringComparer.Ordinal));
            log($"  files changed by the fixer: {(result.ChangedFiles.Count == 0 ? "none" : string.Join(", ", result.ChangedFiles))}");

            // The referenced src projects were built in Release with the unmigrated sample; do not rebuild them here.
            var build = AppBuilder.Run(new[] { "build", project, "-c", "Release", "-nologo", "-v:q", "-clp:ErrorsOnly", "-p:BuildProjectReferences=false" }, copy);
            if (!build.Succeeded)
            {
                result.Error = $"the migrated sample does not build (exit {build.ExitCode}): {build.Tail(15)}";
                return result;
            }

            result.RegisteredServiceTypes.AddRange(DiRegistrationEvidence.RegisteredTypes(Path.Combine(copy, "Program.cs")));
            result.DllPath = AppBuilder.FindOutput(project, "net10.0");
            if (result.DllPath is null)
            {
                result.Error = $"the migrated sample built but its {Path.GetFileNameWithoutExtension(project)}.dll was not found";
            }
            else
            {
                result.ServiceTypeAssemblies = DiRegistrationEvidence.DefiningAssemblies(Path.GetDirectoryName(result.DllPath)!, result.RegisteredServiceTypes);
            }

            return result;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or System.Xml.XmlException)
        {
            result.Error = "could not prepare the migrated copy: " + ex.Message;
            return result;
        }
    }

    /// <summary>Copies the migrated sources (not bin/obj) to <paramref name="destination"/> for inspection.</summary>
    public static void SaveSources(MigrationResult result, string destination)
    {
        if (!Directory.Exists(result.CopyDirectory))
        {
            return;
        }

        foreach (var file in SourceFiles(result.CopyDirectory))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(result.CopyDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    public static void Delete(MigrationResult result)
    {
        var root = Path.GetDirectoryName(result.CopyDirectory);
        if (root is not null && Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static ToolResult RunFixer(RepositoryLayout layout, HarnessOptions options, string project, MigrationResult result)
    {
        var directory = Path.GetDirectoryName(project)!;
        var withOption = $" (.editorconfig: {string.Join("; ", FixOptions)})";
        if (options.Fixer == FixerKind.LazyMigrateCli)
        {
            result.FixerCommand = "lazymigrate fix" + withOption;
            return AppBuilder.Run(new[] { "run", "--project", layout.CliProject, "-c", "Release", "--", "fix", project, "--restore" }, directory);
        }

        result.FixerCommand = "dotnet format analyzers --diagnostics " + string.Join(" ", Diagnostics) + " --severity info" + withOption;
        var arguments = new List<string> { "format", "analyzers", project, "--diagnostics" };
        arguments.AddRange(Diagnostics);
        arguments.AddRange(new[] { "--severity", "info", "-v", "minimal" });
        return AppBuilder.Run(arguments, directory);
    }

    private static void CopySample(RepositoryLayout layout, string root, string copy, string project, string codeFixesOutputDir, string generatorAssembly)
    {
        foreach (var file in SourceFiles(layout.SampleDirectory))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(layout.SampleDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        // Repository-wide build settings and central package versions, imported by absolute path.
        foreach (var props in new[] { "Directory.Build.props", "Directory.Packages.props" })
        {
            var source = Path.Combine(layout.Root, props);
            File.WriteAllText(Path.Combine(root, props), $"<Project>\n  <Import Project=\"{source}\" />\n</Project>\n");
        }

        foreach (var file in new[] { ".editorconfig", "global.json", "NuGet.config", "nuget.config" })
        {
            var source = Path.Combine(layout.Root, file);
            if (File.Exists(source))
            {
                File.Copy(source, Path.Combine(root, file));
            }
        }

        File.WriteAllText(Path.Combine(copy, ".editorconfig"), "[*.cs]\n" + string.Join("\n", FixOptions) + "\n");
        RewriteProject(project, layout.SampleDirectory, codeFixesOutputDir, generatorAssembly);
    }

    // Relative ProjectReferences are made to work outside the repository: the analyzer/code-fix references become
    // <Analyzer> items and the runtime a <Reference>, all pointing at their Release build (so the fixer loads them
    // whatever configuration it evaluates); a project without a Release build gets an absolute ProjectReference.
    // The analyzer references stand for the LazyMigrate.Analyzers package, which also carries the [LazyValue]
    // generator: it is added beside them, as installing the package would.
    private static void RewriteProject(string projectFile, string originalDirectory, string codeFixesOutputDir, string generatorAssembly)
    {
        var document = XDocument.Load(projectFile);
        var analyzerReference = document.Descendants("ProjectReference")
            .FirstOrDefault(r => string.Equals((string?)r.Attribute("OutputItemType"), "Analyzer", StringComparison.OrdinalIgnoreCase));
        analyzerReference?.AddBeforeSelf(new XElement("Analyzer", new XAttribute("Include", generatorAssembly)));
        foreach (var reference in document.Descendants("ProjectReference").ToList())
        {
            var include = reference.Attribute("Include")?.Value ?? "";
            var absolute = Path.GetFullPath(Path.Combine(originalDirectory, include));
            if (string.Equals((string?)reference.Attribute("OutputItemType"), "Analyzer", StringComparison.OrdinalIgnoreCase))
            {
                var assembly = Path.GetFileNameWithoutExtension(absolute) + ".dll";
                reference.ReplaceWith(new XElement("Analyzer", new XAttribute("Include", Path.Combine(codeFixesOutputDir, assembly))));
            }
            else if (ReleaseOutput(absolute) is { } dll)
            {
                // A plain reference to the Release build: the copy then never restores or builds the repository's
                // projects, so it cannot collide with a concurrent build of them.
                reference.ReplaceWith(new XElement("Reference", new XAttribute("Include", dll)));
            }
            else
            {
                reference.SetAttributeValue("Include", absolute);
            }
        }

        File.WriteAllText(projectFile, document.ToString() + Environment.NewLine);
    }

    private static string? ReleaseOutput(string project)
    {
        foreach (var framework in new[] { "net8.0", "netstandard2.0", "net10.0" })
        {
            if (AppBuilder.FindOutput(project, framework) is { } dll)
            {
                return dll;
            }
        }

        return null;
    }

    private static IEnumerable<string> SourceFiles(string directory)
    {
        var separator = Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(path =>
            {
                var relative = separator + Path.GetRelativePath(directory, path);
                return !relative.Contains(separator + "bin" + separator, StringComparison.Ordinal)
                    && !relative.Contains(separator + "obj" + separator, StringComparison.Ordinal);
            });
    }

    private static Dictionary<string, string> Snapshot(string directory)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in SourceFiles(directory))
        {
            hashes[Path.GetRelativePath(directory, file)] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
        }

        return hashes;
    }
}
