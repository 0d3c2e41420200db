using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace LazyMigrate.StartupHarness.Tests;

/// <summary>The startup hook's other two ready signals: the runtime's MarkReady callback, and process exit.</summary>
public sealed class StartupHookTests
{
    [Fact]
    public void Ready_comes_from_the_runtime_signal_when_no_line_has_the_marker()
    {
        // The floor prints "READY" and then calls LazyLoading.MarkReady(); with another marker only the signal fires.
        var root = RunWithMarker(layout => layout.FloorProject, "NO-SUCH-MARKER");
        Assert.Equal("signal", root.GetProperty("readyReason").GetString());
        Assert.True(root.GetProperty("afterReady").GetProperty("complete").GetBoolean());
    }

    [Fact]
    public void Ready_falls_back_to_process_exit()
    {
        var root = RunWithMarker(layout => layout.BareProject, "NO-SUCH-MARKER");
        Assert.Equal("exit", root.GetProperty("readyReason").GetString());
        Assert.Contains(root.GetProperty("assemblies").EnumerateArray(), a => a.GetProperty("name").GetString() == "Bare");
    }

    private static JsonElement RunWithMarker(System.Func<RepositoryLayout, string> project, string marker)
    {
        // The demo app's floor prints its ready line and then calls LazyLoading.MarkReady().
        var layout = RepositoryLayout.FindAll(null, appName: "HeavyStartup").Single();
        var hook = AppBuilder.Build(layout.StartupHookProject, "net8.0", reuseExisting: true, _ => { });
        var app = AppBuilder.Build(project(layout), "net10.0", reuseExisting: true, _ => { });
        var profile = Path.Combine(Path.GetTempPath(), $"lazymigrate-hook-test-{System.Guid.NewGuid():N}.json");
        try
        {
            var run = AppRunner.Run("test", "ready", 1, app, hook, profile, new Dictionary<string, string> { ["LAZYMIGRATE_READY_MARKER"] = marker });
            Assert.Equal(0, run.ExitCode);
            Assert.True(File.Exists(profile), run.Error);
            using var document = JsonDocument.Parse(File.ReadAllText(profile));
            return document.RootElement.Clone();
        }
        finally
        {
            File.Delete(profile);
        }
    }
}
