using System;
using System.Collections.Generic;
using System.Linq;

namespace LazyMigrate.LoadingDifferential.Tests;

/// <summary>The program table and the scoring, without building anything.</summary>
public sealed class ProgramTableTests
{
    [Fact]
    public void The_table_has_at_least_sixty_programs_with_distinct_ids()
    {
        Assert.True(ProgramTable.All.Count >= 60, $"{ProgramTable.All.Count} programs");
        Assert.Equal(ProgramTable.All.Count, ProgramTable.All.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public void The_table_covers_every_package_and_every_place_on_the_startup_path()
    {
        Assert.Equal(HeavyPackage.All.Select(p => p.Key).OrderBy(k => k), ProgramTable.All.Select(r => r.Package.Key).Distinct().OrderBy(k => k));
        var places = ProgramTable.All.Select(r => r.Shape.Where).Distinct().ToList();
        foreach (var place in new[] { "Main before ready", "Main after ready", "static initializer", "static constructor", "hosted-service constructor", "hosted-service StartAsync", "DI registration", "DI factory", "endpoint", "controller" })
        {
            Assert.Contains(place, places);
        }
    }

    [Fact]
    public void The_CI_subset_has_sixteen_programs_and_both_loading_and_quiet_ones()
    {
        var subset = ProgramTable.All.Where(r => r.InCiSubset).ToList();
        Assert.Equal(16, subset.Count);
        Assert.Contains(subset, r => r.ExpectLoad);
        Assert.Contains(subset, r => !r.ExpectLoad);
        Assert.Contains(subset, r => r.UsedBeforeReady);
    }

    [Fact]
    public void Every_generated_program_marks_ready_and_names_its_package_type_or_a_type_derived_from_it()
    {
        foreach (var row in ProgramTable.All)
        {
            var sources = ProgramWorkspace.Sources(row);
            Assert.Contains("LazyLoading.MarkReady();", sources["Program.cs"]);
            var all = sources["Program.cs"] + sources["Types.cs"];
            Assert.True(all.Contains(row.Package.Type, StringComparison.Ordinal) || (row.Package.DerivedType is { } derived && all.Contains(derived, StringComparison.Ordinal)), row.Id);
        }
    }

    [Fact]
    public void Precision_counts_every_report_and_recall_counts_only_the_programs_a_rule_owns()
    {
        var rows = ProgramTable.All;
        var results = new List<ProgramResult>
        {
            Measured(rows.First(r => r.Id == "mb-written-onnx"), loaded: true, "LZM0002"),      // TP for LZM0002
            Measured(rows.First(r => r.Id == "mb-var-ef"), loaded: true),                        // FN for LZM0002
            Measured(rows.First(r => r.Id == "si-untouched-ef"), loaded: false, "LZM0001"),     // FP for LZM0001
            Measured(rows.First(r => r.Id == "ma-method-ef"), loaded: false, "LZM0002"),        // FP for LZM0002, owned by LZM0008
        };

        var scores = Scoring.Score(results).ToDictionary(s => s.Rule);

        Assert.Equal(0.5, scores["LZM0002"].Precision);
        Assert.Equal(0.5, scores["LZM0002"].Recall);
        Assert.Equal(0.0, scores["LZM0001"].Precision);
        Assert.Null(scores["LZM0001"].Recall);
        Assert.Null(scores["LZM0008"].Recall);
        Assert.Equal(2, scores[Scoring.AnyRule].OwnedLoaded);
        Assert.Equal(1.0 / 3, scores[Scoring.AnyRule].Precision!.Value, 3);
        Assert.Equal("FN", Scoring.Verdict(results[1]));
        Assert.Equal("FP", Scoring.Verdict(results[2]));
    }

    private static ProgramResult Measured(ProgramRow row, bool loaded, params string[] rules)
    {
        var evidence = new LoadEvidence(
            "signal",
            100,
            loaded ? new List<string> { "Heavy" } : new List<string>(),
            new List<string>(),
            loaded ? new List<string> { row.Package.CatalogName } : new List<string>(),
            null);
        return new ProgramResult(row)
        {
            Run = new RunResult(true, null, evidence, "READY\nDONE", 0.1),
            Findings = rules.Select(rule => new Finding(rule, "Program.cs", 1, "")).ToList(),
        };
    }
}
