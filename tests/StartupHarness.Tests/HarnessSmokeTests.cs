using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace LazyMigrate.StartupHarness.Tests;

/// <summary>What the README's demo must show on every CI run: the hook sees the heavy packages, the floor has none, migration keeps the output.</summary>
public sealed class HarnessSmokeTests(HarnessSmokeFixture fixture) : IClassFixture<HarnessSmokeFixture>
{
    private static readonly string[] SampleHeavyPackages =
    {
        "Microsoft.EntityFrameworkCore", "Microsoft.ML.OnnxRuntime", "Magick.NET", "SixLabors.ImageSharp", "Microsoft.ML", "Azure SDK",
    };

    [Fact]
    public void Baseline_apps_run_and_reach_ready()
    {
        foreach (var name in new[] { Harness.BareConsole, Harness.Floor, Harness.Before })
        {
            var variant = fixture.Report.Variants.Single(v => v.Name == name);
            Assert.True(variant.FailedRuns == 0 && variant.SucceededRuns == fixture.Report.Runs, $"{name}: {string.Join("; ", variant.RunErrors)}\n{fixture.Log}");
        }
    }

    [Fact]
    public void Time_to_ready_comes_from_runs_with_no_profiler_attached()
    {
        foreach (var name in new[] { Harness.BareConsole, Harness.Floor, Harness.Before })
        {
            var timed = fixture.Report.RunDetails.Where(r => r.Variant == name && r.Mode == Harness.TimingMode).ToList();
            Assert.Equal(fixture.Report.Runs, timed.Count);
            Assert.All(timed, r => Assert.True(r.Succeeded && r.Profile is null && r.TimeToReadyMs > 0, $"{name} run {r.Index}: {r.Error}"));
            Assert.False(File.Exists(Path.Combine(fixture.AppDirectory(HarnessSmokeFixture.DemoApp), "profiles", $"{name}-{Harness.TimingMode}-1.json")));

            var variant = fixture.Report.Variants.Single(v => v.Name == name);
            Assert.Equal(fixture.Report.Runs, variant.SucceededTimedRuns);
            Assert.Equal(timed.Count, variant.TimeToReadyMs!.Count);
            Assert.Equal(timed.Min(r => r.TimeToReadyMs!.Value), variant.TimeToReadyMs.Min);
            Assert.Equal(timed.Max(r => r.TimeToReadyMs!.Value), variant.TimeToReadyMs.Max);
        }
    }

    [Fact]
    public void Hook_profile_of_the_sample_lists_every_heavy_package_and_their_native_libraries()
    {
        var profile = LoadProfile(Harness.Before);
        var root = profile.RootElement;
        Assert.Equal("marker", root.GetProperty("readyReason").GetString());
        Assert.True(root.GetProperty("readyAtMs").GetDouble() > 0);
        Assert.True(root.GetProperty("peakRssBytes").GetInt64() >= root.GetProperty("rssBytes").GetInt64());

        var heavyAssemblies = root.GetProperty("assemblies").EnumerateArray()
            .Where(a => a.GetProperty("heavyPackage").ValueKind == JsonValueKind.String)
            .ToList();
        var packages = heavyAssemblies.Select(a => a.GetProperty("heavyPackage").GetString()).Distinct().ToList();
        foreach (var expected in SampleHeavyPackages)
        {
            Assert.Contains(expected, packages);
        }

        // Every heavy load before ready names what triggered it, inside the app or a package.
        Assert.All(heavyAssemblies, a => Assert.False(string.IsNullOrEmpty(a.GetProperty("trigger").GetString()), a.GetProperty("name").GetString()));
        Assert.Contains(heavyAssemblies, a => a.GetProperty("triggerAssembly").GetString() == "HeavyStartup");

        var heavyNatives = root.GetProperty("nativeLibraries").EnumerateArray()
            .Where(n => n.GetProperty("heavyPackage").ValueKind == JsonValueKind.String)
            .Select(n => n.GetProperty("name").GetString()!)
            .ToList();
        Assert.Contains(heavyNatives, n => n.Contains("onnxruntime", StringComparison.Ordinal));
        Assert.Contains(heavyNatives, n => n.Contains("e_sqlite3", StringComparison.Ordinal));
        Assert.Contains(heavyNatives, n => n.StartsWith("Magick.Native", StringComparison.Ordinal));

        var summary = root.GetProperty("summary");
        Assert.Equal(heavyAssemblies.Count, summary.GetProperty("heavyAssemblyCount").GetInt32());
        Assert.Equal(heavyNatives.Count, summary.GetProperty("heavyNativeLibraryCount").GetInt32());

        // The storage request runs only after ready: what the blob client loads for it is seen then.
        var afterReady = root.GetProperty("afterReady");
        Assert.True(afterReady.GetProperty("complete").GetBoolean());
        Assert.Contains(afterReady.GetProperty("assemblies").EnumerateArray(), a => a.GetProperty("triggerAssembly").GetString() == "Azure.Storage.Blobs"
            && a.GetProperty("stack").EnumerateArray().Any(f => f.GetString() == "HeavyStartup.StorageHandler.ThumbnailUri"));
        Assert.True(afterReady.GetProperty("exitAtMs").GetDouble() > root.GetProperty("readyAtMs").GetDouble());
    }

    [Fact]
    public void Floor_and_bare_load_nothing_heavy()
    {
        foreach (var name in new[] { Harness.BareConsole, Harness.Floor })
        {
            var root = LoadProfile(name).RootElement;
            Assert.Equal("marker", root.GetProperty("readyReason").GetString());
            Assert.Equal(0, root.GetProperty("summary").GetProperty("heavyAssemblyCount").GetInt32());
            Assert.Equal(0, root.GetProperty("summary").GetProperty("heavyNativeLibraryCount").GetInt32());
            Assert.Equal(0, root.GetProperty("afterReady").GetProperty("summary").GetProperty("heavyAssemblyCount").GetInt32());
        }
    }

    [Fact]
    public void Sample_prints_a_result_and_a_first_use_timing_for_every_heavy_part()
    {
        var run = fixture.Report.RunDetails.First(r => r.Variant == Harness.Before && r.Mode == "ready" && r.Succeeded);
        foreach (var part in new[] { "catalog", "scoring", "image-formats", "thumbnail", "features", "storage" })
        {
            Assert.Contains(run.Output, line => line.StartsWith(part + ": ", StringComparison.Ordinal));
            Assert.True(run.FirstUseMs.ContainsKey(part), $"no TIMING line for {part}");
        }

        // The ONNX model adds the input vector to itself.
        Assert.Contains(run.Output, line => line == "scoring: y = 2 4 6");
    }

    [Fact]
    public void Migrated_sample_builds_runs_and_prints_the_same_output()
    {
        Assert.True(fixture.Report.Migration.Succeeded, fixture.Report.Migration.Error + "\n" + fixture.Log);
        Assert.NotEmpty(fixture.Report.Migration.ChangedFiles);
        var comparison = fixture.Report.OutputComparison;
        Assert.True(comparison.Checked, comparison.Note);
        Assert.Equal(comparison.Before, comparison.After);
        Assert.Contains(comparison.Before, line => line.StartsWith("READY", StringComparison.Ordinal));
        Assert.True(comparison.Equal, comparison.Note);
    }

    [Fact]
    public void Output_of_every_successful_run_of_every_app_is_compared()
    {
        var checks = fixture.Report.OutputComparison.Apps;
        foreach (var group in fixture.Report.RunDetails.Where(r => r.Succeeded).GroupBy(r => r.Variant))
        {
            var check = checks.Single(c => c.Variant == group.Key);
            Assert.Equal(group.Count(), check.Runs);
            Assert.True(check.DifferingRuns.Count == 0, $"{group.Key}: {string.Join(", ", check.DifferingRuns)}");
        }

        // Warm-up, timed, profiled and idle runs all count.
        Assert.Contains(fixture.Report.RunDetails, r => r.Mode == Harness.WarmupMode);
        var runsOfAfter = fixture.Report.RunDetails.Count(r => r.Variant == Harness.After && r.Succeeded);
        Assert.Equal(1 + 2 * fixture.Report.Runs + 2 * fixture.Report.PreloadRuns, runsOfAfter);
    }

    [Fact]
    public void Migrated_sample_loads_nothing_heavy_at_ready()
    {
        Assert.True(fixture.Report.Migration.Succeeded, fixture.Report.Migration.Error + "\n" + fixture.Log);
        var after = fixture.Report.Variants.Single(v => v.Name == Harness.After);
        Assert.True(after.SucceededRuns > 0, string.Join("; ", after.RunErrors));
        Assert.Equal(0, after.HeavyNativeLibraries!.Max);

        // The DI singletons of MLContext and BlobServiceClient moved to lazy values (LZM0003), so no
        // registration names a heavy type and nothing heavy is left at ready.
        Assert.Equal(0, after.HeavyAssemblies!.Max);
        Assert.Empty(after.HeavyAtReady);
        Assert.Empty(fixture.Report.Migration.DiNamedPackages);
        Assert.DoesNotContain(fixture.Report.Migration.RegisteredServiceTypes, t => t is "MLContext" or "BlobServiceClient");
        var managed = fixture.Report.Targets.Single(t => t.Name == "heavy managed assemblies at ready");
        Assert.True(managed.Met, managed.Actual + "\n" + fixture.Log);
    }

    [Fact]
    public void Report_files_are_written_for_the_session_and_for_each_app()
    {
        var markdown = File.ReadAllText(Path.Combine(fixture.OutputDirectory, "startup.md"));
        Assert.Contains("| **before**", markdown, StringComparison.Ordinal);
        Assert.Contains("| **floor**", markdown, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(fixture.OutputDirectory, "startup.json")));
        var apps = json.RootElement.GetProperty("apps").EnumerateArray().Select(a => a.GetProperty("app").GetString()).ToList();
        Assert.Equal(fixture.Reports.Select(r => r.App), apps);
        foreach (var report in fixture.Reports)
        {
            Assert.Contains($"### {report.App}: time to ready", markdown, StringComparison.Ordinal);
            using var own = JsonDocument.Parse(File.ReadAllText(Path.Combine(fixture.AppDirectory(report.App), "startup.json")));
            Assert.Equal(4, own.RootElement.GetProperty("variants").GetArrayLength());
        }
    }

    [Fact]
    public void Every_app_its_floor_and_the_bare_app_run_and_reach_ready()
    {
        Assert.True(fixture.Reports.Count >= 4, string.Join(", ", fixture.Reports.Select(r => r.App)));
        foreach (var report in fixture.Reports)
        {
            foreach (var name in new[] { Harness.BareConsole, Harness.Floor, Harness.Before })
            {
                var variant = report.Variants.Single(v => v.Name == name);
                Assert.True(variant.FailedRuns == 0 && variant.SucceededRuns == report.Runs, $"{report.App} {name}: {string.Join("; ", variant.RunErrors)}\n{fixture.Log}");
            }
        }
    }

    [Fact]
    public void Every_app_as_written_loads_heavy_packages_before_ready_and_its_floor_loads_none()
    {
        foreach (var report in fixture.Reports)
        {
            var before = report.Variants.Single(v => v.Name == Harness.Before);
            var floor = report.Variants.Single(v => v.Name == Harness.Floor);
            Assert.True(before.HeavyAssemblies?.Min > 0 && before.HeavyNativeLibraries?.Min > 0, $"{report.App}: the app as written loads nothing heavy before ready");
            Assert.True(floor.HeavyAssemblies?.Max == 0 && floor.HeavyNativeLibraries?.Max == 0, $"{report.App}: its floor loads {string.Join(", ", floor.HeavyAtReady.Keys)}");
        }
    }

    [Fact]
    public void Every_app_prints_the_same_output_in_every_run_and_each_new_floor_prints_what_its_app_prints()
    {
        foreach (var report in fixture.Reports)
        {
            Assert.All(report.OutputComparison.Apps, a => Assert.True(a.DifferingRuns.Count == 0, $"{report.App} {a.Variant}: {string.Join(", ", a.DifferingRuns)}"));
            var before = report.RunDetails.First(r => r.Variant == Harness.Before && r.Succeeded);
            Assert.True(AppRunner.Comparable(before.Output).Count > 1, $"{report.App} prints nothing after its ready line");
            Assert.Contains("floor vs app as written:", report.OutputComparison.Note, StringComparison.Ordinal);
        }

        // The demo's floor still prints a fixed price suggestion where its app prints the regression's; the report names it.
        foreach (var app in new[] { "PhotoIndexer", "ModelApi", "ForecastWorker" })
        {
            var report = fixture.Reports.Single(r => r.App == app);
            Assert.True(report.OutputComparison.FloorDifference is null, $"{app}: {report.OutputComparison.FloorDifference}");
        }
    }

    private JsonDocument LoadProfile(string variant)
    {
        var path = Path.Combine(fixture.AppDirectory(HarnessSmokeFixture.DemoApp), "profiles", $"{variant}-ready-1.json");
        Assert.True(File.Exists(path), $"no profile {path}\n{fixture.Log}");
        return JsonDocument.Parse(File.ReadAllText(path));
    }
}
