using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
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

    /// <summary>
    /// Runs <paramref name="command"/> under the hook until it exits (or, with <paramref name="stopAtReady"/>, until
    /// it is ready), with <paramref name="standardInput"/> as its whole stdin (empty: closed at once). Every process
    /// the program started is killed at the end. A program that is never ready is <see cref="ExitCodes.NeverReady"/>.
    /// </summary>
    public static async Task<ProfileRun> RunAsync(
        IReadOnlyList<string> command,
        ReadyOptions ready,
        TimeSpan timeout,
        bool stopAtReady,
        string standardInput,
        CliContext context,
        ProgressReporter progress,
        CancellationToken cancellationToken)
    {
        var hook = LocateHook(context);
        var output = Path.Combine(Path.GetTempPath(), $"lazymigrate-profile-{Guid.NewGuid():N}.json");
        var readyFile = Path.Combine(Path.GetTempPath(), $"lazymigrate-ready-{Guid.NewGuid():N}");
        var runId = Guid.NewGuid().ToString("N");
        var info = new ProcessStartInfo
        {
            WorkingDirectory = context.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
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

        Uri? readyUrl = null;
        if (ready.UrlPath is not null)
        {
            // A port of our choosing, so runs never collide with each other or with a server already running.
            var baseUrl = $"http://127.0.0.1:{FreePort()}";
            readyUrl = new Uri(baseUrl + ready.UrlPath);
            info.ArgumentList.Add("--urls");
            info.ArgumentList.Add(baseUrl);
            info.Environment["ASPNETCORE_URLS"] = baseUrl;
            info.Environment["LAZYMIGRATE_READY_FILE"] = readyFile;
        }
        else if (ready.Started)
        {
            info.Environment["LAZYMIGRATE_READY_ON_STARTED"] = "1";
        }
        else
        {
            info.Environment["LAZYMIGRATE_READY_MARKER"] = ready.Marker;
        }

        var existingHooks = context.GetEnvironmentVariable("DOTNET_STARTUP_HOOKS");
        info.Environment["DOTNET_STARTUP_HOOKS"] = string.IsNullOrEmpty(existingHooks) ? hook : hook + Path.PathSeparator + existingHooks;
        info.Environment["LAZYMIGRATE_PROFILE_OUTPUT"] = output;
        info.Environment[ProcessTree.RunIdVariable] = runId;
        info.Environment["LAZYMIGRATE_LAUNCH_UNIX_MS"] = UnixMs().ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

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
        using (var stopPolling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            try
            {
                // The program's own output goes to our stderr, so stdout carries only the report.
                var printed = new List<string>();
                var pumpOut = Pump(process.StandardOutput, context, progress, printed);
                var pumpErr = Pump(process.StandardError, context, progress, null);
                var feed = FeedAsync(process, standardInput);
                var poll = readyUrl is null ? Task.CompletedTask : PollUntilReadyAsync(readyUrl, readyFile, stopPolling.Token);

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
                            throw NeverReady($"'{string.Join(' ', command)}' was not ready within {timeout.TotalSeconds:0} s ({ready.Describe()}); the program was stopped. Raise --timeout or check how readiness is detected");
                        }

                        progress.Warning($"stopped the program after {timeout.TotalSeconds:0} s (it was ready, but had not exited)");
                        break;
                    }

                    await Task.WhenAny(process.WaitForExitAsync(cancellationToken), Task.Delay(50, cancellationToken)).ConfigureAwait(false);
                }

                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                stopPolling.Cancel();

                // Before the pipes are drained: a child that outlived the program holds them open.
                ProcessTree.KillTagged(runId);
                await Task.WhenAll(pumpOut, pumpErr, feed, poll).ConfigureAwait(false);
                var raw = TryRead(output);
                if (raw is null)
                {
                    throw new BadInputException(
                        $"'{string.Join(' ', command)}' exited (code {process.ExitCode}) without a startup profile: is it a .NET program (the hook only runs in .NET Core 3.0+ processes), and does it allow DOTNET_STARTUP_HOOKS?");
                }

                var profile = ProfileModel.Parse(raw);
                if (ready.ExitIsNotReady && profile.ReadyReason == "exit")
                {
                    throw NeverReady($"'{string.Join(' ', command)}' exited (code {process.ExitCode}) before it was ready ({ready.Describe()})");
                }

                return new ProfileRun(raw, profile, stoppedByUs ? null : process.ExitCode, stoppedByUs) { Output = printed };
            }
            finally
            {
                stopPolling.Cancel();
                Kill(process);

                // Whatever the program started and left behind (a child that outlived it, a server started by a
                // script) carries our run id in its environment: nothing of this run may outlive it.
                ProcessTree.KillTagged(runId);
                TryDelete(output);
                TryDelete(readyFile);
            }
        }
    }

    private static CliException NeverReady(string message) => new(ExitCodes.NeverReady, message);

    private static double UnixMs() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>
    /// Polls <paramref name="url"/> until it answers 2xx or 3xx, then writes the moment the answer arrived to
    /// <paramref name="readyFile"/> for the hook (by rename, so the hook never reads half a file).
    /// </summary>
    private static async Task PollUntilReadyAsync(Uri url, string readyFile, CancellationToken cancellationToken)
    {
        // No proxy (a proxy from the environment must not answer for 127.0.0.1), no redirects (a 3xx is an answer).
        using var handler = new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(2) };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                var answeredAt = UnixMs();
                var status = (int)response.StatusCode;
                if (status is >= 200 and < 400)
                {
                    var temp = readyFile + ".tmp";
                    await File.WriteAllTextAsync(temp, answeredAt.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None).ConfigureAwait(false);
                    File.Move(temp, readyFile, overwrite: true);
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // One request timed out; ask again.
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await Task.Delay(20, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static async Task FeedAsync(Process process, string text)
    {
        try
        {
            if (text.Length > 0)
            {
                await process.StandardInput.WriteAsync(text).ConfigureAwait(false);
            }

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
