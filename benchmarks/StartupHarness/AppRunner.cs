using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;

namespace LazyMigrate.StartupHarness;

/// <summary>One measured process run.</summary>
internal sealed class RunResult
{
    public string Variant { get; set; } = "";

    public string Mode { get; set; } = "";

    public int Index { get; set; }

    public bool Succeeded { get; set; }

    public string? Error { get; set; }

    public int ExitCode { get; set; }

    /// <summary>Wall clock from Process.Start to reading the marker line on stdout, measured by the harness.</summary>
    public double? TimeToReadyMs { get; set; }

    public double TotalMs { get; set; }

    public List<string> Output { get; set; } = new();

    /// <summary>Per-part first-use time printed by the app on its <c>TIMING first-use PART MS ms</c> lines.</summary>
    public Dictionary<string, double> FirstUseMs { get; set; } = new(StringComparer.Ordinal);

    public HookProfile? Profile { get; set; }
}

/// <summary>Starts an app, under the startup hook or (for pure timing) without it, and measures it.</summary>
internal static class AppRunner
{
    public const string Marker = "READY";
    public const string TimingPrefix = "TIMING";
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    /// <param name="hookDll">The startup hook, or null to run the app with nothing attached (time to ready only, no profile).</param>
    /// <param name="arguments">Command-line arguments after the app's dll.</param>
    /// <param name="standardInputFile">A file whose text the app reads on its standard input; null: empty input.</param>
    public static RunResult Run(string variant, string mode, int index, string appDll, string? hookDll, string profilePath, IDictionary<string, string> environment,
        IReadOnlyList<string>? arguments = null, string? standardInputFile = null)
    {
        var result = new RunResult { Variant = variant, Mode = mode, Index = index };
        if (hookDll is not null && File.Exists(profilePath))
        {
            File.Delete(profilePath);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(appDll)!,
        };
        start.ArgumentList.Add(appDll);
        foreach (var argument in arguments ?? Array.Empty<string>())
        {
            start.ArgumentList.Add(argument);
        }

        var input = standardInputFile is null ? "" : File.ReadAllText(standardInputFile);
        if (hookDll is not null)
        {
            start.Environment["DOTNET_STARTUP_HOOKS"] = hookDll;
            start.Environment["LAZYMIGRATE_PROFILE_OUTPUT"] = profilePath;
            start.Environment["LAZYMIGRATE_READY_MARKER"] = Marker;
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var pair in environment)
        {
            start.Environment[pair.Key] = pair.Value;
        }

        var stderr = new List<string>();
        var watch = new Stopwatch();
        using var process = new Process { StartInfo = start };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stderr)
                {
                    stderr.Add(e.Data);
                }
            }
        };

        start.Environment["LAZYMIGRATE_LAUNCH_UNIX_MS"] = UnixNowMs();
        watch.Start();
        process.Start();
        process.BeginErrorReadLine();

        // A dedicated thread reads stdout synchronously: the marker's arrival time is what we measure.
        var reader = new Thread(() =>
        {
            string? line;
            while ((line = process.StandardOutput.ReadLine()) is not null)
            {
                if (result.TimeToReadyMs is null && line.Contains(Marker, StringComparison.Ordinal))
                {
                    result.TimeToReadyMs = watch.Elapsed.TotalMilliseconds;
                }

                result.Output.Add(line);
            }
        }) { IsBackground = true, Name = "stdout-" + variant };
        reader.Start();

        // The whole input at once, then end of input: the app reads it whenever it is ready to.
        try
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The app exited without reading its input; its exit code tells what happened.
        }

        if (!process.WaitForExit(RunTimeout))
        {
            process.Kill(entireProcessTree: true);
            result.Error = $"timed out after {RunTimeout.TotalSeconds:0} s";
        }

        process.WaitForExit();
        reader.Join(TimeSpan.FromSeconds(10));
        result.TotalMs = watch.Elapsed.TotalMilliseconds;
        result.ExitCode = process.ExitCode;
        ParseTimings(result);

        if (result.Error is null && result.ExitCode != 0)
        {
            result.Error = $"exit code {result.ExitCode}: {string.Join(" | ", Last(stderr, 6))}";
        }
        else if (result.Error is null && result.TimeToReadyMs is null)
        {
            result.Error = "no ready marker on stdout";
        }

        if (hookDll is not null)
        {
            try
            {
                result.Profile = HookProfile.Load(profilePath);
            }
            catch (Exception ex) when (ex is IOException or System.Text.Json.JsonException or InvalidDataException)
            {
                result.Error ??= "no usable startup-hook profile: " + ex.Message;
            }
        }

        result.Succeeded = result.Error is null;
        return result;
    }

    /// <summary>
    /// The app's output from its ready line on, without the documented timing lines (<c>TIMING …</c>): what must
    /// be the same in every run of an app and must not change with migration. Without a ready line, every line.
    /// </summary>
    public static List<string> Comparable(IEnumerable<string> output)
    {
        var all = output.ToList();
        var ready = all.FindIndex(line => line.Contains(Marker, StringComparison.Ordinal));
        var lines = new List<string>();
        foreach (var line in all.Skip(Math.Max(0, ready)))
        {
            if (!line.StartsWith(TimingPrefix, StringComparison.Ordinal))
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    private static void ParseTimings(RunResult result)
    {
        foreach (var line in result.Output)
        {
            // TIMING first-use <part> <ms> ms
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 4 && parts[0] == TimingPrefix && parts[1] == "first-use"
                && double.TryParse(parts[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var ms))
            {
                result.FirstUseMs[parts[2]] = ms;
            }
        }
    }

    private static string UnixNowMs()
        => (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture);

    private static IEnumerable<string> Last(List<string> lines, int count)
    {
        lock (lines)
        {
            return lines.GetRange(Math.Max(0, lines.Count - count), Math.Min(count, lines.Count)).ToArray();
        }
    }
}
