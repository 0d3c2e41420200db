using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace LazyMigrate.StartupHarness.Tests;

/// <summary>
/// Runs the harness once in --smoke mode over every app (builds reused when present: CI builds the solution first)
/// and shares the reports between the tests; the whole session takes a few minutes per app.
/// </summary>
public sealed class HarnessSmokeFixture : IDisposable
{
    private readonly StringBuilder _log = new();

    public HarnessSmokeFixture()
    {
        OutputDirectory = Path.Combine(Path.GetTempPath(), "lazymigrate-harness-tests-" + Guid.NewGuid().ToString("N")[..8]);
        var options = HarnessOptions.Parse(new[] { "--smoke", "--reuse-builds", "--out", OutputDirectory });
        Reports = Harness.Run(options, line => _log.AppendLine(line));
        Report = Reports.Single(r => r.App == DemoApp);
    }

    /// <summary>The app the README's demo section describes; the other apps are checked by what every app must show.</summary>
    public const string DemoApp = "HeavyStartup";

    public string OutputDirectory { get; }

    internal IReadOnlyList<HarnessReport> Reports { get; }

    /// <summary>The demo app's report.</summary>
    internal HarnessReport Report { get; }

    /// <summary>Where the harness wrote one app's report, profiles and migrated sources.</summary>
    public string AppDirectory(string app) => Path.Combine(OutputDirectory, app);

    /// <summary>The harness's progress log, for assertion messages.</summary>
    public string Log => _log.ToString();

    public void Dispose()
    {
        if (Directory.Exists(OutputDirectory))
        {
            Directory.Delete(OutputDirectory, recursive: true);
        }
    }
}
