using System.Linq;

namespace LazyMigrate.LoadingDifferential.Tests;

/// <summary>
/// The CI subset against the runtime: what the rules report must match what the startup hook saw load before
/// ready, and the README's batch migration must leave nothing heavy before ready.
/// </summary>
public sealed class CiSubsetTests : IClassFixture<SubsetFixture>
{
    private const double Threshold = 0.95;
    private readonly SubsetFixture _fixture;

    public CiSubsetTests(SubsetFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public void Every_program_of_the_subset_builds_runs_and_becomes_ready()
    {
        var failed = _fixture.Results.Where(r => !r.Measured)
            .Select(r => $"{r.Row.Id}: {(r.BuildErrors.Count > 0 ? r.BuildErrors[0] : r.Run?.Error)}")
            .ToList();
        Assert.True(failed.Count == 0, string.Join("\n", failed) + "\n\n" + _fixture.Log);
    }

    [Fact]
    public void Every_rule_reports_only_programs_that_load_a_heavy_package_before_ready()
    {
        var low = Scoring.Score(_fixture.Results)
            .Where(s => s.Precision is { } precision && precision < Threshold)
            .Select(s => $"{s.Rule}: precision {s.Precision:0.00} ({s.ReportsLoaded} of {s.Reports} reports loaded something)")
            .ToList();
        Assert.True(low.Count == 0, string.Join("\n", low) + "\n\n" + _fixture.Report);
    }

    [Fact]
    public void Every_rule_reports_the_programs_it_owns_that_load_a_heavy_package_before_ready()
    {
        var low = Scoring.Score(_fixture.Results)
            .Where(s => s.Recall is { } recall && recall < Threshold)
            .Select(s => $"{s.Rule}: recall {s.Recall:0.00} ({s.TruePositives} of {s.OwnedLoaded} loading programs reported)")
            .ToList();
        Assert.True(low.Count == 0, string.Join("\n", low) + "\n\n" + _fixture.Report);
    }

    [Fact]
    public void After_migration_nothing_heavy_loads_before_ready_unless_the_program_uses_it_then()
    {
        var failures = _fixture.Results.Where(r => r.BuildErrors.Count == 0 && r.AfterMigrationFailure is not null)
            .Select(r => $"{r.Row.Id}: {r.AfterMigrationFailure}")
            .ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures) + "\n\n" + _fixture.Report);
    }

    [Fact]
    public void A_program_that_uses_a_heavy_object_before_ready_still_loads_it_after_migration()
    {
        var used = _fixture.Results.Where(r => r.Row.UsedBeforeReady && r.RunAfter is { Ok: true }).ToList();
        Assert.NotEmpty(used);
        Assert.All(used, r => Assert.True(r.RunAfter!.Evidence!.LoadedHeavy, r.Row.Id));
    }

    [Fact]
    public void A_native_library_mapped_after_the_last_assembly_load_still_counts_before_ready()
    {
        // mb-written-onnx: SessionOptions' constructor maps libonnxruntime.so and no assembly loads after it before
        // MarkReady(), so only the hook's sample taken at ready sees the library.
        var onnx = _fixture.Results.Single(r => r.Row.Id == "mb-written-onnx");
        Assert.True(onnx.Measured, onnx.Run?.Error);
        Assert.Contains("libonnxruntime.so", onnx.Run!.Evidence!.HeavyNativeLibraries);
    }
}
