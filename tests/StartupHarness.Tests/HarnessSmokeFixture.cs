using System;
using System.IO;
using System.Text;

namespace LazyMigrate.StartupHarness.Tests;

/// <summary>
/// Runs the harness once in --smoke mode (builds reused when present: CI builds the solution first) and shares
/// the report between the tests; the whole session takes one to three minutes.
/// </summary>
public sealed class HarnessSmokeFixture : IDisposable
{
    private readonly StringBuilder _log = new();

    public HarnessSmokeFixture()
    {
        OutputDirectory = Path.Combine(Path.GetTempPath(), "lazymigrate-harness-tests-" + Guid.NewGuid().ToString("N")[..8]);
        var options = HarnessOptions.Parse(new[] { "--smoke", "--reuse-builds", "--out", OutputDirectory });
        Report = Harness.Run(options, line => _log.AppendLine(line));
    }

    public string OutputDirectory { get; }

    internal HarnessReport Report { get; }

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
