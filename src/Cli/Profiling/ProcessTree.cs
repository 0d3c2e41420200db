using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace LazyMigrate.Cli.Profiling;

/// <summary>
/// Finds and kills every process of one profiled run. Each run's program gets a unique value in
/// <see cref="RunIdVariable"/>, which every process it starts inherits; unlike the parent-child links, this
/// survives the parent's exit (an orphan is re-parented to init and no longer found through its parent).
/// </summary>
public static class ProcessTree
{
    /// <summary>The environment variable carrying the run's id.</summary>
    public const string RunIdVariable = "LAZYMIGRATE_RUN_ID";

    /// <summary>The ids of the live processes whose environment carries <paramref name="runId"/> (Linux; empty elsewhere).</summary>
    public static IReadOnlyList<int> FindTagged(string runId)
    {
        var found = new List<int>();
        if (!OperatingSystem.IsLinux() || !Directory.Exists("/proc"))
        {
            return found;
        }

        var tag = Encoding.ASCII.GetBytes(RunIdVariable + "=" + runId);
        var self = Environment.ProcessId;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == self)
            {
                continue;
            }

            try
            {
                // Entries are NUL-separated NAME=value strings.
                var environ = File.ReadAllBytes(Path.Combine(dir, "environ"));
                if (ContainsEntry(environ, tag))
                {
                    found.Add(pid);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Gone already, or not ours to read (then it cannot have inherited our variable).
            }
        }

        return found;
    }

    /// <summary>Kills every process of the run (and their trees); returns how many were found.</summary>
    public static int KillTagged(string runId)
    {
        var pids = FindTagged(runId);
        foreach (var pid in pids)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Exited in the meantime.
            }
        }

        return pids.Count;
    }

    private static bool ContainsEntry(byte[] environ, byte[] entry)
    {
        var start = 0;
        while (start < environ.Length)
        {
            var end = Array.IndexOf(environ, (byte)0, start);
            if (end < 0)
            {
                end = environ.Length;
            }

            if (end - start == entry.Length && environ.AsSpan(start, entry.Length).SequenceEqual(entry))
            {
                return true;
            }

            start = end + 1;
        }

        return false;
    }
}
