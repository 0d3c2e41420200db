using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Xunit;

namespace LazyMigrate.Tests.Shared;

/// <summary>Runs a test app as a child process and collects what it printed.</summary>
internal static class ChildProcess
{
    /// <summary>
    /// Starts <paramref name="start"/> (its output redirected here), waits at most <paramref name="timeout"/>
    /// and kills the whole process tree when it takes longer, so a hung child fails the test instead of the run.
    /// </summary>
    public static ChildProcessOutput Run(ProcessStartInfo start, TimeSpan timeout)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start)!;
        var stderrTask = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit((int)timeout.TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not exit within {timeout}.");
        }

        return new ChildProcessOutput(process.ExitCode, stdout, stderrTask.Result);
    }
}

/// <summary>A finished child process: exit code, output, and its <c>KEY=value</c> lines.</summary>
public sealed class ChildProcessOutput
{
    public ChildProcessOutput(int exitCode, string stdout, string stderr)
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
