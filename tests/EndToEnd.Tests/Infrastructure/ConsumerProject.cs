using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security;
using System.Text;

namespace LazyMigrate.EndToEnd.Tests.Infrastructure;

/// <summary>A console app in a temp folder that consumes the packed packages like a user's project would.</summary>
public sealed class ConsumerProject
{
    private static readonly TimeSpan s_buildTimeout = TimeSpan.FromMinutes(4);

    private ConsumerProject(string directory, string name)
    {
        Directory = directory;
        Name = name;
    }

    public string Directory { get; }

    public string Name { get; }

    public string ProjectFile => Path.Combine(Directory, Name + ".csproj");

    public string OutputDirectory => Path.Combine(Directory, "bin", "Debug", "net10.0");

    public static ConsumerProject Create(string directory, ConsumerTemplate template, string lazyMigrateVersion)
    {
        System.IO.Directory.CreateDirectory(directory);
        var project = new ConsumerProject(directory, template.Name);

        var references = new StringBuilder();
        foreach (var (id, version) in template.PackageReferences)
        {
            var resolved = version == ConsumerTemplate.PackedVersion ? lazyMigrateVersion : version;
            references.Append($"    <PackageReference Include=\"{SecurityElement.Escape(id)}\" Version=\"{resolved}\" />\n");
        }

        File.WriteAllText(project.ProjectFile, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <RootNamespace>{template.Name}</RootNamespace>
              </PropertyGroup>
              <ItemGroup>
            {references}  </ItemGroup>
            </Project>
            """);

        foreach (var (path, content) in template.Files)
        {
            project.WriteFile(path, content);
        }

        return project;
    }

    public void WriteFile(string relativePath, string content)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public string ReadFile(string relativePath) => File.ReadAllText(Path.Combine(Directory, relativePath));

    public CommandResult Restore() => ProcessRunner.Dotnet(Directory, "restore", ProjectFile, "-tl:off", "-nologo");

    public void RestoreOrThrow()
    {
        var result = Restore();
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("Restoring the consumer project failed.\n" + result.Describe());
        }
    }

    /// <summary>
    /// A full (non-incremental) build, so every analyzer diagnostic is reported again even when
    /// nothing changed since the previous build.
    /// </summary>
    public BuildOutcome Build(params string[] extraArguments)
    {
        var arguments = new List<string>
        {
            "build", ProjectFile, "--no-restore", "--no-incremental", "-tl:off", "-nologo",
            "-consoleLoggerParameters:NoSummary",
        };
        arguments.AddRange(extraArguments);
        CommandResult result;
        try
        {
            result = ProcessRunner.Run("dotnet", Directory, arguments, s_buildTimeout);
        }
        catch (TimeoutException)
        {
            // These builds take seconds. Once, on a busy shared machine, one hung for minutes inside
            // the shared compiler server; retry once with an in-process compiler (same assertions).
            arguments.Add("-p:UseSharedCompilation=false");
            result = ProcessRunner.Run("dotnet", Directory, arguments, s_buildTimeout);
        }

        return new BuildOutcome(result, BuildDiagnostic.ParseLazyMigrate(result.Lines));
    }

    /// <summary>Runs the built app and returns what it printed.</summary>
    public CommandResult Run() =>
        ProcessRunner.Run("dotnet", Directory, new[] { Path.Combine(OutputDirectory, Name + ".dll") }, TimeSpan.FromMinutes(2));

    /// <summary>
    /// The diagnostics the sources ask for with <c>// expect: LZM0001, LZM0005</c> markers, as
    /// "LZM0001@File.cs:12" keys, restricted to <paramref name="ids"/>.
    /// </summary>
    public IReadOnlyList<string> ExpectedKeys(IEnumerable<string> ids)
    {
        var wanted = new HashSet<string>(ids, StringComparer.Ordinal);
        var keys = new List<string>();
        foreach (var file in System.IO.Directory.GetFiles(Directory, "*.cs"))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var at = lines[i].IndexOf("// expect:", StringComparison.Ordinal);
                if (at < 0)
                {
                    continue;
                }

                foreach (var id in lines[i].Substring(at + "// expect:".Length).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (wanted.Contains(id))
                    {
                        keys.Add($"{id}@{Path.GetFileName(file)}:{i + 1}");
                    }
                }
            }
        }

        keys.Sort(StringComparer.Ordinal);
        return keys;
    }
}

/// <summary>A build's process result and the LZM diagnostics it printed.</summary>
public sealed record BuildOutcome(CommandResult Result, IReadOnlyList<BuildDiagnostic> Diagnostics)
{
    public bool Succeeded => Result.ExitCode == 0;

    /// <summary>"LZM0001@Program.cs:12" for each diagnostic of the given severity, sorted.</summary>
    public IReadOnlyList<string> Keys(string severity) =>
        Diagnostics.Where(d => d.Severity == severity).Select(d => $"{d.Id}@{d.Location}").Distinct().OrderBy(k => k, StringComparer.Ordinal).ToArray();
}
