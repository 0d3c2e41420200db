using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;

namespace LazyMigrate.LoadingDifferential;

/// <summary>A finished child process.</summary>
internal sealed record ToolResult(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed, bool TimedOut)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut;

    /// <summary>The last lines of the combined output, for error messages.</summary>
    public string Tail(int lines = 20)
    {
        var all = (Stdout + "\n" + Stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(Environment.NewLine, all.TakeLast(lines));
    }
}

/// <summary>Starts child processes with a timeout; a process that overruns is killed with its whole tree.</summary>
internal static class Tools
{
    public static ToolResult Run(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A profiler or hook of the process running this tool must not leak into the programs it starts.
        start.Environment.Remove("DOTNET_STARTUP_HOOKS");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (stdout) { stdout.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (stderr) { stderr.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var timedOut = false;
        if (!process.WaitForExit((int)timeout.TotalMilliseconds))
        {
            timedOut = true;
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited meanwhile.
            }

            process.WaitForExit();
        }
        else
        {
            process.WaitForExit(); // flushes the asynchronous output readers
        }

        lock (stdout)
        {
            lock (stderr)
            {
                return new ToolResult(timedOut ? -1 : process.ExitCode, stdout.ToString(), stderr.ToString(), stopwatch.Elapsed, timedOut);
            }
        }
    }

    public static ToolResult Dotnet(IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
        => Run("dotnet", arguments, workingDirectory, timeout);

    /// <summary>Writes <paramref name="content"/> only when it differs, so unchanged programs keep their timestamps and builds stay incremental.</summary>
    public static bool WriteIfChanged(string path, string content)
    {
        if (File.Exists(path) && File.ReadAllText(path) == content)
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return true;
    }
}
