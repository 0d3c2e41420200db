using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using LazyMigrate.Tests.Shared;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;

namespace LazyMigrate.AspNetCore.Tests;

/// <summary>
/// tests/Runtime.TestApps/AotApp: a generic host using the runtime and this integration. Its JIT
/// build is built with this test project (and by the solution build); <see cref="PublishNative"/>
/// publishes it as a Native AOT binary. Runs parse its KEY=value lines.
/// </summary>
internal static class AotApp
{
    private static readonly string s_configuration = typeof(AotApp).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    public static string ProjectDirectory { get; } = Path.Combine(RepositoryPaths.Root, "tests", "Runtime.TestApps", "AotApp");

    public static string JitPath
    {
        get
        {
            var path = Path.Combine(ProjectDirectory, "bin", s_configuration, "net10.0", "LazyMigrate.Runtime.AotApp.dll");
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"The child test app was not built: {path}. Build tests/AspNetCore.Tests (or the solution) in {s_configuration} first.");
            }

            return path;
        }
    }

    /// <summary>Runs the JIT build with <c>dotnet</c>.</summary>
    public static ChildProcessOutput RunJit(params string[] args) => Run("dotnet", new[] { JitPath }.Concat(args), null);

    /// <summary>Runs the JIT build with extra environment variables.</summary>
    public static ChildProcessOutput RunJit(IReadOnlyDictionary<string, string> environment, params string[] args) => Run("dotnet", new[] { JitPath }.Concat(args), environment);

    /// <summary>Runs an executable (the native binary) with the given arguments.</summary>
    public static ChildProcessOutput RunNative(string binary, params string[] args) => Run(binary, args, null);

    /// <summary>Publishes the app as a Native AOT binary for linux-x64 into <paramref name="output"/>; returns the publish log and exit code.</summary>
    public static ChildProcessOutput PublishNative(string output)
    {
        var args = new[]
        {
            "publish", Path.Combine(ProjectDirectory, "LazyMigrate.Runtime.AotApp.csproj"),
            "-c", s_configuration, "-r", "linux-x64", "-o", output,
            "-nodeReuse:false", "-clp:NoSummary", "-v:m",
        };
        return Run("dotnet", args, null, TimeSpan.FromMinutes(15), forBuild: true);
    }

    /// <summary>The distinct trim and AOT analysis warning codes (IL2xxx, IL3xxx) in a publish log, with the lines that carry them.</summary>
    public static List<string> TrimAndAotWarnings(string log)
        => log.Split('\n').Where(l => Regex.IsMatch(l, @"warning IL[23]\d{3}")).Select(l => l.Trim()).Distinct().ToList();

    private static ChildProcessOutput Run(string fileName, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment, TimeSpan? timeout = null, bool forBuild = false)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = forBuild ? ProjectDirectory : Path.GetTempPath(),
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The child must not inherit the test runner's eager switch, startup hooks or MSBuild settings.
        start.Environment.Remove(LazyLoading.EagerEnvironmentVariable);
        start.Environment.Remove("DOTNET_STARTUP_HOOKS");
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return ChildProcess.Run(start, timeout ?? TimeSpan.FromMinutes(2));
    }
}
