using System;
using System.Globalization;
using System.Threading.Tasks;
using LazyMigrate;

namespace ModelApi;

/// <summary>
/// What the harness asks of the app between its ready line and its first command: LAZYMIGRATE_PRELOAD=1 starts
/// loading deferred packages in the background, LAZYMIGRATE_IDLE_MS=N waits N ms.
/// </summary>
internal static class AfterReady
{
    public static async Task PauseAsync()
    {
        if (Environment.GetEnvironmentVariable("LAZYMIGRATE_PRELOAD") == "1")
        {
            _ = LazyPackageRegistry.Default.StartBackgroundLoading();
        }

        var idle = Environment.GetEnvironmentVariable("LAZYMIGRATE_IDLE_MS");
        if (int.TryParse(idle, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) && ms > 0)
        {
            await Task.Delay(ms);
        }
    }
}
