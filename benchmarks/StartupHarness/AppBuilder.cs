using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace LazyMigrate.StartupHarness;

/// <summary>A build or migration step failed; the message carries the tool's last output lines.</summary>
internal sealed class HarnessStepException(string message) : Exception(message);

/// <summary>Builds projects in Release and finds their output.</summary>
internal static class AppBuilder
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(15);

    /// <summary>Builds <paramref name="project"/> (unless reusing an existing output) and returns the path of its main dll.</summary>
    public static string Build(string project, string targetFramework, bool reuseExisting, Action<string> log, params string[] extraArguments)
    {
        var name = Path.GetFileNameWithoutExtension(project);
        if (reuseExisting && FindOutput(project, targetFramework) is { } existing)
        {
            log($"  reusing {Relative(existing)}");
            return existing;
        }

        var arguments = new List<string> { "build", project, "-c", "Release", "-nologo", "-v:q", "-clp:ErrorsOnly" };
        arguments.AddRange(extraArguments);
        var result = Run(arguments, Path.GetDirectoryName(project)!);
        if (!result.Succeeded)
        {
            throw new HarnessStepException($"dotnet build {name} failed (exit {result.ExitCode}):{Environment.NewLine}{result.Tail()}");
        }

        log($"  built {name} in {result.Elapsed.TotalSeconds:0.0} s");
        return FindOutput(project, targetFramework)
            ?? throw new HarnessStepException($"dotnet build {name} succeeded but no {name}.dll was found under bin/Release/{targetFramework}.");
    }

    public static ToolResult Run(IEnumerable<string> arguments, string workingDirectory)
        => ProcessRunner.Run("dotnet", arguments, workingDirectory, BuildTimeout);

    /// <summary>The newest <c>bin/Release/&lt;tfm&gt;/[rid/]Name.dll</c> of the project, or null.</summary>
    public static string? FindOutput(string project, string targetFramework)
    {
        var name = Path.GetFileNameWithoutExtension(project);
        var bin = Path.Combine(Path.GetDirectoryName(project)!, "bin", "Release", targetFramework);
        if (!Directory.Exists(bin))
        {
            return null;
        }

        return Directory.EnumerateFiles(bin, name + ".dll", SearchOption.AllDirectories)
            .Where(path => !path.Contains(Path.DirectorySeparatorChar + "ref" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .FirstOrDefault();
    }

    private static string Relative(string path) => Path.GetRelativePath(Environment.CurrentDirectory, path);
}
