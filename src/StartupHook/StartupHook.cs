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
            ProfileRecorder.Start(output!, marker!, Environment.GetEnvironmentVariable(LaunchTimeVariable));
        }
        catch (Exception ex)
        {
            // Report and carry on: the app must run the same with or without the hook.
            Console.Error.WriteLine("LazyMigrate.StartupHook: profiling disabled: " + ex.Message);
        }
    }
}
