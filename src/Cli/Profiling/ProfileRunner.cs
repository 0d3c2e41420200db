using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate.Cli.Errors;
using LazyMigrate.Cli.Infrastructure;

namespace LazyMigrate.Cli.Profiling;

/// <summary>The raw result of one profiled run.</summary>
public sealed record ProfileRun(string RawJson, ProfileModel Profile, int? ExitCode, bool StoppedByUs)
{
    /// <summary>Every line the program wrote to stdout, in order.</summary>
    public IReadOnlyList<string> Output { get; init; } = Array.Empty<string>();
}

/// <summary>
/// Starts the user's command with the LazyMigrate startup hook (<c>DOTNET_STARTUP_HOOKS</c>) and waits
/// until it exits (or, with stop-at-ready, until the hook reports ready), then reads the hook's profile.
/// </summary>
public static class ProfileRunner
{
    /// <summary>File name of the hook shipped next to the tool.</summary>
    public const string HookFileName = "LazyMigrate.StartupHook.dll";

    /// <summary>The hook assembly next to lazymigrate.dll (or LAZYMIGRATE_STARTUP_HOOK when set).</summary>
    public static string LocateHook(CliContext context)
    {
        var configured = context.GetEnvironmentVariable("LAZYMIGRATE_STARTUP_HOOK");
        var path = string.IsNullOrEmpty(configured) ? Path.Combine(AppContext.BaseDirectory, HookFileName) : Path.GetFullPath(configured);
        if (!File.Exists(path))
        {
            throw new CliException(ExitCodes.BadInput, $"the startup hook is missing: '{path}' not found; reinstall LazyMigrate.Cli");
        }

        return path;
    }

    /// <summary>Runs <paramref name="command"/> under the hook.</summary>
    public static async Task<ProfileRun> RunAsync(
        IReadOnlyList<string> command,
        string? readyMarker,
        TimeSpan timeout,
        bool stopAtReady,
        CliContext context,
        ProgressReporter progress,
        CancellationToken cancellationToken)
        => await RunAsync(command, readyMarker, timeout, stopAtReady, standardInput: null, context, progress, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Runs <paramref name="command"/> under the hook with <paramref name="standardInput"/> as its stdin:
    /// null inherits ours, empty closes it at once, anything else is written to it and then closed.
    /// </summary>
    public static async Task<ProfileRun> RunAsync(
        IReadOnlyList<string> command,
        string? readyMarker,
        TimeSpan timeout,
        bool stopAtReady,
        string? standardInput,
        CliContext context,
        ProgressReporter progress,
        CancellationToken cancellationToken)
    {
        var hook = LocateHook(context);
        var output = Path.Combine(Path.GetTempPath(), $"lazymigrate-profile-{Guid.NewGuid():N}.json");
        var info = new ProcessStartInfo
        {
            WorkingDirectory = context.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
            UseShellExecute = false,
        };

        // `profile -- app.dll args` means `dotnet app.dll args`: a framework-dependent app's usual launch.
        if (command[0].EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            info.FileName = ProcessRunner.DotnetExecutable();
            info.ArgumentList.Add(command[0]);
        }
        else
        {
            info.FileName = command[0];
        }

        for (var i = 1; i < command.Count; i++)
        {
            info.ArgumentList.Add(command[i]);
        }

        var existingHooks = context.GetEnvironmentVariable("DOTNET_STARTUP_HOOKS");
        info.Environment["DOTNET_STARTUP_HOOKS"] = string.IsNullOrEmpty(existingHooks) ? hook : hook + Path.PathSeparator + existingHooks;
        info.Environment["LAZYMIGRATE_PROFILE_OUTPUT"] = output;
        if (!string.IsNullOrEmpty(readyMarker))
        {
            info.Environment["LAZYMIGRATE_READY_MARKER"] = readyMarker;
        }

        info.Environment["LAZYMIGRATE_LAUNCH_UNIX_MS"] = (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

        progress.Stage($"Running {string.Join(' ', command)} ...");
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new BadInputException($"could not start '{command[0]}'");
        }
        catch (Win32Exception ex)
        {
            throw new BadInputException($"could not start '{command[0]}': {ex.Message}");
        }

        using (process)
        {
            // The program's own output goes to our stderr, so stdout carries only the report.
            var printed = new List<string>();
            var pumpOut = Pump(process.StandardOutput, context, progress, printed);
            var pumpErr = Pump(process.StandardError, context, progress, null);
            var feed = standardInput is null ? Task.CompletedTask : FeedAsync(process, standardInput);

            var stoppedByUs = false;
            var clock = Stopwatch.StartNew();
            using var killOnCancel = cancellationToken.Register(() => Kill(process));
            while (!process.HasExited)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (stopAtReady && TryRead(output) is not null)
                {
                    Kill(process);
                    stoppedByUs = true;
                    break;
                }

                if (clock.Elapsed > timeout)
                {
                    Kill(process);
                    stoppedByUs = true;
                    if (TryRead(output) is null)
                    {
                        throw new BadInputException($"'{command[0]}' was not ready within {timeout.TotalSeconds:0} s (no ready marker, signal or exit); raise --timeout or check --ready-marker");
                    }

                    progress.Warning($"stopped the program after {timeout.TotalSeconds:0} s (it was ready, but had not exited)");
                    break;
                }

                await Task.WhenAny(process.WaitForExitAsync(cancellationToken), Task.Delay(50, cancellationToken)).ConfigureAwait(false);
            }

            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            await Task.WhenAll(pumpOut, pumpErr, feed).ConfigureAwait(false);
            var raw = TryRead(output);
            TryDelete(output);
            if (raw is null)
            {
                throw new BadInputException(
                    $"'{string.Join(' ', command)}' exited (code {process.ExitCode}) without a startup profile: is it a .NET program (the hook only runs in .NET Core 3.0+ processes), and does it allow DOTNET_STARTUP_HOOKS?");
            }

            return new ProfileRun(raw, ProfileModel.Parse(raw), stoppedByUs ? null : process.ExitCode, stoppedByUs) { Output = printed };
        }
    }

    private static async Task FeedAsync(Process process, string text)
    {
        try
        {
            await process.StandardInput.WriteAsync(text).ConfigureAwait(false);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The program exited or closed its stdin without reading all of it.
        }
    }

    private static async Task Pump(StreamReader reader, CliContext context, ProgressReporter progress, List<string>? capture)
    {
        string? line;
        while ((line = await reader.ReadLineAsync().ConfigureAwait(false)) is not null)
        {
            capture?.Add(line);
            if (progress.Verbosity != Verbosity.Quiet)
            {
                progress.Done();
                lock (context.Error)
                {
                    context.Error.WriteLine("  | " + line);
                }
            }
        }
    }

    /// <summary>The profile text once it is complete JSON (the hook writes by rename, so a file is whole).</summary>
    private static string? TryRead(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            var text = File.ReadAllText(path);
            using var _ = JsonDocument.Parse(text);
            return text;
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A leftover temp file is harmless.
        }
    }
}
