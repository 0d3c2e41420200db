using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace LazyMigrate.LoadingDifferential.Tests;

/// <summary>Runs the CI subset once (build, scan, run, migrate, run again) for every test of the class.</summary>
public sealed class SubsetFixture
{
    public SubsetFixture()
    {
        var layout = RepositoryLayout.Find();
        var log = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        var options = new DifferentialOptions
        {
            CiSubset = true,
            // Its own folder, so a run of the console runner next to the tests cannot collide with it.
            WorkDirectory = Path.Combine(layout.Root, "artifacts", "differential-tests"),
        };
        Results = Differential.Run(options, line => log.AppendLine(line));
        Log = log.ToString();
        Report = LoadingDifferential.Report.Render(Results, migrated: true, stopwatch.Elapsed);
    }

    internal IReadOnlyList<ProgramResult> Results { get; }

    public string Log { get; }

    public string Report { get; }
}
