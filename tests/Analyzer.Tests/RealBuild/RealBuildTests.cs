using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using LazyMigrate.Analyzers.Rules;
using LazyMigrate.Analyzers.Tests.Infrastructure;
using LazyMigrate.Tests.Shared;

namespace LazyMigrate.Analyzers.Tests.RealBuild;

/// <summary>
/// Builds tests/Analyzer.RealBuild (real ONNX Runtime, Magick.NET, EF Core Sqlite, Hosting packages) once
/// with this analyzer DLL as an Analyzer item, and keeps the build log.
/// </summary>
public sealed class RealBuildFixture
{
    public RealBuildFixture()
    {
        ProjectDirectory = Path.Combine(RepositoryPaths.Root, "tests", "Analyzer.RealBuild");
        var analyzer = typeof(LZM0001StaticHeavyInitializerAnalyzer).Assembly.Location;
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = ProjectDirectory,
        };
        // --no-incremental: an up-to-date build would skip the compiler and print no warnings.
        foreach (var argument in new[]
        {
            "build", Path.Combine(ProjectDirectory, "Analyzer.RealBuild.csproj"), "-c", "Release", "--no-incremental",
            "-nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-p:TreatWarningsAsErrors=false",
            "-p:LazyMigrateAnalyzerPath=" + analyzer,
        })
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's MSBuild variables would point the child build at the wrong SDK pieces.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(8)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet build of tests/Analyzer.RealBuild did not finish in 8 minutes:\n" + output);
        }

        process.WaitForExit();
        ExitCode = process.ExitCode;
        Log = output.ToString();
    }

    public string ProjectDirectory { get; }

    public int ExitCode { get; }

    public string Log { get; }
}

public sealed class RealBuildTests : IClassFixture<RealBuildFixture>
{
    private static readonly Regex s_warning = new(@"^\s*(?<file>[^\s(][^(]*?)\((?<line>\d+),(?<column>\d+)\): (?<severity>warning|error) (?<id>LZM\d{4}):", RegexOptions.Multiline | RegexOptions.CultureInvariant);
    private static readonly Regex s_marker = new(@"//\s*(?<ids>LZM\d{4}(\s*,\s*LZM\d{4})*)\s*$", RegexOptions.CultureInvariant);

    private readonly RealBuildFixture _build;

    public RealBuildTests(RealBuildFixture build) => _build = build;

    [Fact]
    public void Build_succeeds()
    {
        Assert.True(_build.ExitCode == 0, "dotnet build failed:\n" + _build.Log);
    }

    [Fact]
    public void Build_output_has_exactly_the_marked_warnings_with_file_and_line()
    {
        var expected = ExpectedFromMarkers();
        Assert.NotEmpty(expected);

        var actual = s_warning.Matches(_build.Log)
            .Select(m => (File: Path.GetFileName(m.Groups["file"].Value.Trim()), Line: int.Parse(m.Groups["line"].Value), Id: m.Groups["id"].Value))
            .ToHashSet();

        var missing = expected.Except(actual).OrderBy(x => x).ToList();
        var unexpected = actual.Except(expected).OrderBy(x => x).ToList();
        Assert.True(missing.Count == 0 && unexpected.Count == 0,
            $"missing: {string.Join(", ", missing)}\nunexpected: {string.Join(", ", unexpected)}\n\n{_build.Log}");
    }

    [Fact]
    public void Every_rule_shows_in_the_real_build()
    {
        var ids = s_warning.Matches(_build.Log).Select(m => m.Groups["id"].Value).ToHashSet();
        foreach (var id in RuleIds.All)
        {
            Assert.Contains(id, ids);
        }
    }

    private HashSet<(string File, int Line, string Id)> ExpectedFromMarkers()
    {
        var expected = new HashSet<(string, int, string)>();
        foreach (var file in Directory.GetFiles(_build.ProjectDirectory, "*.cs", SearchOption.TopDirectoryOnly))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (s_marker.Match(lines[i]) is { Success: true } match)
                {
                    foreach (var id in match.Groups["ids"].Value.Split(',', StringSplitOptions.TrimEntries))
                    {
                        expected.Add((Path.GetFileName(file), i + 1, id));
                    }
                }
            }
        }

        return expected;
    }
}
