using System;
using System.Globalization;

namespace HeavyStartup;

/// <summary>How the app behaves after ready: optional background preloading and an idle pause before the first request.</summary>
internal sealed record WorkloadOptions(bool Preload, int IdleMilliseconds)
{
    /// <summary>LAZYMIGRATE_PRELOAD=1 preloads heavy packages in the background; LAZYMIGRATE_IDLE_MS pauses before first use.</summary>
    public static WorkloadOptions FromEnvironment()
    {
        var preload = Environment.GetEnvironmentVariable("LAZYMIGRATE_PRELOAD") == "1";
        var idleText = Environment.GetEnvironmentVariable("LAZYMIGRATE_IDLE_MS");
        var idle = int.TryParse(idleText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) && ms > 0 ? ms : 0;
        return new WorkloadOptions(preload, idle);
    }
}
