using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using LazyMigrate.Tests.Shared;
using System.Linq;
using System.Reflection;

namespace LazyMigrate.Runtime.Tests;

/// <summary>
/// Runs tests/Runtime.TestApps/HeavyApp (built with the test project and by the solution build, in
/// the same configuration) as a child process and parses its KEY=value lines.
/// </summary>
public sealed class HeavyAppFixture
{
    public HeavyAppFixture()
    {
        var configuration = typeof(HeavyAppFixture).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var root = RepositoryPaths.Root;
        AppPath = Path.Combine(root, "tests", "Runtime.TestApps", "HeavyApp", "bin", configuration, "net10.0", "LazyMigrate.Runtime.HeavyApp.dll");
        if (!File.Exists(AppPath))
        {
            throw new InvalidOperationException($"The child test app was not built: {AppPath}. Build tests/Runtime.Tests (or the solution) in {configuration} first.");
        }
    }

    public string AppPath { get; }

    public AppOutput Run(string mode, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AppPath);
        start.ArgumentList.Add(mode);

        // The child must not inherit a test runner's eager switch or startup hooks.
        start.Environment.Remove(LazyLoading.EagerEnvironmentVariable);
        start.Environment.Remove("DOTNET_STARTUP_HOOKS");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stderrTask = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"HeavyApp {mode} did not exit within 2 minutes.");
        }

        return new AppOutput(process.ExitCode, stdout, stderrTask.Result);
    }
}

public sealed class AppOutput
{
    public AppOutput(int exitCode, string stdout, string stderr)
    {
        ExitCode = exitCode;
        Stdout = stdout;
        Stderr = stderr;
        Lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public int ExitCode { get; }

    public string Stdout { get; }

    public string Stderr { get; }

    public string[] Lines { get; }

    /// <summary>The value of the single KEY=value line.</summary>
    public string Value(string key)
    {
        var matches = Values(key);
        Assert.True(matches.Count == 1, $"expected one '{key}=' line in:\n{Stdout}\n{Stderr}");
        return matches[0];
    }

    /// <summary>The values of every KEY=value line.</summary>
    public List<string> Values(string key) => Lines.Where(l => l.StartsWith(key + "=", StringComparison.Ordinal)).Select(l => l[(key.Length + 1)..]).ToList();

    public override string ToString() => $"exit {ExitCode}\n{Stdout}\n{Stderr}";
}
