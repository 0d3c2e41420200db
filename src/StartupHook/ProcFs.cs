using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace LazyMigrate.StartupHook;

/// <summary>Reads the few Linux <c>/proc/self</c> facts the profile needs, without loading anything beyond CoreLib.</summary>
internal static class ProcFs
{
    // USER_HZ is 100 on every mainstream Linux build; /proc/self/stat reports start time in these ticks.
    private const double ClockTicksPerSecond = 100.0;

    /// <summary>Milliseconds from process start until now, from /proc/self/stat and /proc/uptime (10 ms resolution), or null off Linux.</summary>
    public static double? MillisecondsSinceProcessStart()
    {
        try
        {
            var stat = ReadSmallFile("/proc/self/stat");
            var uptime = ReadSmallFile("/proc/uptime");
            if (stat is null || uptime is null)
            {
                return null;
            }

            // The command name (field 2) is in parentheses and may contain spaces: count fields after the last ')'.
            var close = stat.LastIndexOf(')');
            var fields = stat.Substring(close + 2).Split(' ');
            // After ')' the first field is field 3 (state); starttime is field 22.
            var startTicks = double.Parse(fields[22 - 3], CultureInfo.InvariantCulture);
            var uptimeSeconds = double.Parse(uptime.Split(' ')[0], CultureInfo.InvariantCulture);
            return Math.Max(0, (uptimeSeconds - (startTicks / ClockTicksPerSecond)) * 1000.0);
        }
        catch (Exception)
        {
            return null;
        }
    }

    /// <summary>Current and peak resident set size in bytes (VmRSS, VmHWM), zeros when unavailable.</summary>
    public static (long Rss, long PeakRss) ReadMemory()
    {
        var status = ReadSmallFile("/proc/self/status");
        if (status is null)
        {
            return (0, 0);
        }

        return (ReadKilobytes(status, "VmRSS:") * 1024, ReadKilobytes(status, "VmHWM:") * 1024);
    }

    /// <summary>Adds to <paramref name="seen"/> every shared library path currently mapped; returns the new ones.</summary>
    public static List<string> CollectNewNativeLibraries(HashSet<string> seen)
    {
        var added = new List<string>();
        var maps = ReadSmallFile("/proc/self/maps");
        if (maps is null)
        {
            return added;
        }

        var lineStart = 0;
        while (lineStart < maps.Length)
        {
            var lineEnd = maps.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = maps.Length;
            }

            // The path is the last column and the only one that starts with '/'.
            var slash = maps.IndexOf('/', lineStart, lineEnd - lineStart);
            if (slash >= 0)
            {
                var path = maps.Substring(slash, lineEnd - slash);
                if (IsSharedLibrary(path) && seen.Add(path))
                {
                    added.Add(path);
                }
            }

            lineStart = lineEnd + 1;
        }

        return added;
    }

    /// <summary>True for <c>x.so</c> and versioned <c>x.so.1.2</c> files.</summary>
    public static bool IsSharedLibrary(string path)
    {
        if (path.EndsWith(" (deleted)", StringComparison.Ordinal))
        {
            return false;
        }

        var slash = path.LastIndexOf('/');
        var file = slash >= 0 ? path.Substring(slash + 1) : path;
        return file.EndsWith(".so", StringComparison.Ordinal) || file.Contains(".so.");
    }

    private static long ReadKilobytes(string status, string key)
    {
        var at = status.IndexOf(key, StringComparison.Ordinal);
        if (at < 0)
        {
            return 0;
        }

        var i = at + key.Length;
        while (i < status.Length && (status[i] == ' ' || status[i] == '\t'))
        {
            i++;
        }

        long value = 0;
        while (i < status.Length && status[i] >= '0' && status[i] <= '9')
        {
            value = (value * 10) + (status[i] - '0');
            i++;
        }

        return value;
    }

    private static string? ReadSmallFile(string path)
    {
        try
        {
            // /proc files report length 0, so read until the end rather than trusting Length.
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.None);
            var buffer = new byte[16384];
            var total = 0;
            while (true)
            {
                if (total == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                var read = stream.Read(buffer, total, buffer.Length - total);
                if (read <= 0)
                {
                    break;
                }

                total += read;
            }

            return Encoding.UTF8.GetString(buffer, 0, total);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
