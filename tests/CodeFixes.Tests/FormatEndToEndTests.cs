using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml.Linq;
using LazyMigrate.CodeFixes.Rules;
using LazyMigrate.Tests.Shared;

namespace LazyMigrate.CodeFixes.Tests;

/// <summary>
/// The real <c>dotnet format analyzers</c> migrates a copy of a real multi-file consumer project
/// (tests/CodeFixes.FormatE2E: ONNX Runtime, Magick.NET, EF Core Sqlite, DI) that shows a positive form
/// of every rule, with the built analyzer and code-fix assemblies. With all eight rule ids: the result
/// builds without a warning of any rule that has a fix, a second run changes nothing, the program
/// prints exactly what it printed before, and <c>--verify-no-changes</c> (which reports every
/// remaining diagnostic; dotnet format runs no fix in that mode) lists only the rules with findings no
/// fix removes (LZM0004 and LZM0007 without a fix here, and LZM0005 for a factory registration, which
/// names its service type wherever it is written), so a CI gate over the other rules passes.
/// </summary>
public sealed class FormatEndToEndTests : IDisposable
{
    private static readonly string[] s_rules = { "LZM0001", "LZM0002", "LZM0003", "LZM0004", "LZM0005", "LZM0006", "LZM0007", "LZM0008" };
    private static readonly string[] s_rulesWithoutFix = { "LZM0004", "LZM0005", "LZM0007" };
    private static readonly string[] s_packages = { "Microsoft.ML.OnnxRuntime", "Magick.NET-Q8-x64", "Microsoft.EntityFrameworkCore.Sqlite", "Microsoft.Extensions.DependencyInjection" };

    private readonly string _work = Path.Combine(Path.GetTempPath(), "lazymigrate-format-e2e-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind does not affect the result.
        }
    }

    [Fact]
    public void Dotnet_format_migrates_consumer_builds_clean_is_idempotent_same_output()
    {
        var repoRoot = RepositoryPaths.Root;
        CopyConsumer(Path.Combine(repoRoot, "tests", "CodeFixes.FormatE2E"), _work);
        WriteOwnBuildFiles(repoRoot);

        Run("dotnet", "restore");
        Run("dotnet", "build --no-restore --disable-build-servers -nodeReuse:false");
        var before = Run("dotnet", "run --no-build");
        Assert.Contains("sqlite: 42", before);
        var original = Snapshot();

        var format = $"format analyzers --no-restore --severity info --diagnostics {string.Join(" ", s_rules)}";
        Run("dotnet", format);
        var migrated = Snapshot();
        Assert.NotEqual(original["Models.cs"], migrated["Models.cs"]);
        Assert.Contains("new Lazy<object>(CreatePrimary)", migrated["Models.cs"]);
        Assert.Contains("Primary => s_primaryValue ??= (SqliteConnection)s_primary.Value;", migrated["Models.cs"]);
        Assert.Contains("private static SqliteConnection? s_primaryValue;", migrated["Models.cs"]);
        Assert.Contains("sp => new MagickImage", migrated["Program.cs"]);
        Assert.Contains("[MethodImpl(MethodImplOptions.NoInlining)]", migrated["Images.cs"]);
        // The moved local's use after ready would name SessionOptions in Main (LZM0005): the same run moves it out.
        Assert.Contains("UseSessionOptions(services);", migrated["Program.cs"]);
        Assert.Contains("private static void UseSessionOptions(ServiceCollection services)", migrated["Program.cs"]);
        Assert.Contains("Report.Run(Options, services);", migrated["Program.cs"]);
        Assert.Contains("_ = Task.Run(() => { _ = Tools.Connection.Value; });", migrated["Program.cs"]);
        Assert.Contains("_lazyOptions = new Lazy<object>(CreateOptions);", migrated["Tools.cs"]);

        var build = Run("dotnet", "build --no-restore --disable-build-servers -nodeReuse:false");
        foreach (var rule in s_rules.Except(s_rulesWithoutFix))
        {
            Assert.DoesNotContain(rule, build);
        }

        Run("dotnet", format);
        var second = Snapshot();
        Assert.Equal(migrated.Keys.OrderBy(k => k), second.Keys.OrderBy(k => k));
        foreach (var (file, text) in migrated)
        {
            Assert.True(text == second[file], $"second dotnet format changed {file}:\n--- after the first run\n{text}\n--- after the second run\n{second[file]}");
        }

        var after = Run("dotnet", "run --no-build");
        Assert.Equal(before, after);

        // --verify-no-changes fails on any remaining diagnostic: here only those of the rules without a fix.
        var verifyAll = Run("dotnet", format + " --verify-no-changes", expectedExitCode: 2);
        var remaining = s_rules.Where(rule => verifyAll.Contains(rule + ":", StringComparison.Ordinal)).ToArray();
        Assert.Equal(s_rulesWithoutFix, remaining);
        var fixable = string.Join(" ", s_rules.Except(s_rulesWithoutFix));
        Run("dotnet", $"format analyzers --no-restore --severity info --diagnostics {fixable} --verify-no-changes");
    }

    private static void CopyConsumer(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
    }

    /// <summary>The copy must not see the repository's build files: it gets its own, with the repository's versions.</summary>
    private void WriteOwnBuildFiles(string repoRoot)
    {
        var analyzerDir = Path.GetDirectoryName(typeof(LZM0001LazyStaticMemberFixer).Assembly.Location)! + Path.DirectorySeparatorChar;
        File.WriteAllText(Path.Combine(_work, "Directory.Build.props"), $"""
            <Project>
              <PropertyGroup>
                <LazyMigrateAnalyzerDir>{analyzerDir}</LazyMigrateAnalyzerDir>
              </PropertyGroup>
            </Project>
            """);

        var versions = XDocument.Load(Path.Combine(repoRoot, "Directory.Packages.props"))
            .Descendants("PackageVersion")
            .Where(e => s_packages.Contains((string?)e.Attribute("Include")))
            .Select(e => $"    <PackageVersion Include=\"{e.Attribute("Include")!.Value}\" Version=\"{e.Attribute("Version")!.Value}\" />")
            .ToList();
        Assert.Equal(s_packages.Length, versions.Count);
        File.WriteAllText(Path.Combine(_work, "Directory.Packages.props"), $"""
            <Project>
              <PropertyGroup>
                <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
            {string.Join(Environment.NewLine, versions)}
              </ItemGroup>
            </Project>
            """);
    }

    private Dictionary<string, string> Snapshot()
        => Directory.GetFiles(_work, "*.cs").ToDictionary(f => Path.GetFileName(f), File.ReadAllText);

    private string Run(string fileName, string arguments, int expectedExitCode = 0)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = _work,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // The test host runs inside MSBuild/dotnet test: its MSBuild variables must not leak into the child.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("MSBUILD", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // A hang guard, not a speed assertion.
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"'{fileName} {arguments}' did not finish:{Environment.NewLine}{output}");
        }

        process.WaitForExit();
        var text = output.ToString();
        Assert.True(process.ExitCode == expectedExitCode, $"'{fileName} {arguments}' exited with {process.ExitCode}, expected {expectedExitCode}:{Environment.NewLine}{text}");
        return text;
    }
}
