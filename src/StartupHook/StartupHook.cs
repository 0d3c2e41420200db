using System;
using LazyMigrate.StartupHook;

/// <summary>
/// Entry point the runtime calls when this assembly is listed in <c>DOTNET_STARTUP_HOOKS</c>.
/// It runs before the app's <c>Main</c> and records every assembly and native library loaded until the
/// app is ready. It does nothing unless <c>LAZYMIGRATE_PROFILE_OUTPUT</c> names the JSON file to write.
/// </summary>
/// <remarks>
/// The runtime requires this exact shape: a class named <c>StartupHook</c> in the global namespace with a
/// <c>public static void Initialize()</c>. Format of the output: docs/profile-format.md.
/// </remarks>
public static class StartupHook
{
    /// <summary>Environment variable naming the profile JSON file; the hook is inactive without it.</summary>
    public const string OutputVariable = "LAZYMIGRATE_PROFILE_OUTPUT";

    /// <summary>Environment variable with the text whose appearance in a stdout line means "ready" (default <c>READY</c>).</summary>
    public const string MarkerVariable = "LAZYMIGRATE_READY_MARKER";

    /// <summary>
    /// Optional environment variable a launcher sets to the Unix time (milliseconds, may be fractional) just
    /// before it started the process; more precise than the 10 ms clock ticks of <c>/proc/self/stat</c>.
    /// </summary>
    public const string LaunchTimeVariable = "LAZYMIGRATE_LAUNCH_UNIX_MS";

    /// <summary>
    /// Optional environment variable naming a file the launcher creates when it has seen the app ready from the
    /// outside (lazymigrate's <c>--ready-url</c>: the first successful HTTP response). It holds the Unix time in ms
    /// of that moment. When set, only this file (or the exit) makes the app ready: markers and signals are ignored.
    /// </summary>
    public const string ReadyFileVariable = "LAZYMIGRATE_READY_FILE";

    /// <summary>
    /// Optional environment variable: <c>1</c> makes the generic host's <c>ApplicationStarted</c> the ready point
    /// (ASP.NET Core and worker apps, no change to the app). Markers and signals are then ignored.
    /// </summary>
    public const string ReadyOnStartedVariable = "LAZYMIGRATE_READY_ON_STARTED";

    /// <summary>Called by the runtime before <c>Main</c>. Never throws: a broken profiler must not break the app.</summary>
    public static void Initialize()
    {
        var output = Environment.GetEnvironmentVariable(OutputVariable);
        if (string.IsNullOrWhiteSpace(output))
        {
            return;
        }

        var marker = Environment.GetEnvironmentVariable(MarkerVariable);
        if (string.IsNullOrEmpty(marker))
        {
            marker = "READY";
        }

        try
        {
            var readyFile = Environment.GetEnvironmentVariable(ReadyFileVariable);
            var mode = !string.IsNullOrEmpty(readyFile) ? ReadyMode.External
                : Environment.GetEnvironmentVariable(ReadyOnStartedVariable) == "1" ? ReadyMode.Started
                : ReadyMode.Marker;
            ProfileRecorder.Start(output!, marker!, Environment.GetEnvironmentVariable(LaunchTimeVariable), mode, readyFile);
        }
        catch (Exception ex)
        {
            // Report and carry on: the app must run the same with or without the hook.
            Console.Error.WriteLine("LazyMigrate.StartupHook: profiling disabled: " + ex.Message);
        }
    }
}
