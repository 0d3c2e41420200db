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
    public static AppRun RunJit(params string[] args) => Run("dotnet", new[] { JitPath }.Concat(args), null);

    /// <summary>Runs the JIT build with extra environment variables.</summary>
    public static AppRun RunJit(IReadOnlyDictionary<string, string> environment, params string[] args) => Run("dotnet", new[] { JitPath }.Concat(args), environment);

    /// <summary>Runs an executable (the native binary) with the given arguments.</summary>
    public static AppRun RunNative(string binary, params string[] args) => Run(binary, args, null);

    /// <summary>Publishes the app as a Native AOT binary for linux-x64 into <paramref name="output"/>; returns the publish log and exit code.</summary>
    public static AppRun PublishNative(string output)
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

    private static AppRun Run(string fileName, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment, TimeSpan? timeout = null, bool forBuild = false)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
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

        using var process = Process.Start(start)!;
        var stderrTask = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        var limit = timeout ?? TimeSpan.FromMinutes(2);
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', start.ArgumentList)} did not exit within {limit}.");
        }

        return new AppRun(process.ExitCode, stdout, stderrTask.Result);
    }
}

public sealed class AppRun
{
    public AppRun(int exitCode, string stdout, string stderr)
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
        var matches = Lines.Where(l => l.StartsWith(key + "=", StringComparison.Ordinal)).Select(l => l[(key.Length + 1)..]).ToList();
        Assert.True(matches.Count == 1, $"expected one '{key}=' line in:\n{Stdout}\n{Stderr}");
        return matches[0];
    }

    public override string ToString() => $"exit {ExitCode}\n{Stdout}\n{Stderr}";
}
