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

    public ChildProcessOutput Run(string mode, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet");
        start.ArgumentList.Add(AppPath);
        start.ArgumentList.Add(mode);

        // The child must not inherit a test runner's eager switch or startup hooks.
        start.Environment.Remove(LazyLoading.EagerEnvironmentVariable);
        start.Environment.Remove("DOTNET_STARTUP_HOOKS");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return ChildProcess.Run(start, TimeSpan.FromMinutes(2));
    }
}
