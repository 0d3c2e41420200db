using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;

namespace LazyMigrate.StartupHarness.Tests;

/// <summary>How the harness starts an app that serves requests: its floor's input file on stdin, a free loopback port for a web app.</summary>
public sealed class AppInputTests
{
    private static readonly Dictionary<string, string> NoIdle = new() { ["LAZYMIGRATE_PRELOAD"] = "0", ["LAZYMIGRATE_IDLE_MS"] = "0" };

    [Fact]
    public void A_console_floor_serves_the_commands_of_its_input_file_and_stops_at_the_end_of_input()
    {
        var layout = RepositoryLayout.FindAll(null).First(l => l.StandardInput is not null && !l.Http);
        var floor = AppBuilder.Build(layout.FloorProject, "net10.0", reuseExisting: true, _ => { });
        var commands = File.ReadAllLines(layout.StandardInput!).Count(l => l.Trim().Length > 0);

        var fed = AppRunner.Run("floor", "time", 1, floor, null, "", NoIdle, standardInputFile: layout.StandardInput);
        var empty = AppRunner.Run("floor", "time", 2, floor, null, "", NoIdle);

        Assert.True(fed.Succeeded, fed.Error);
        Assert.True(empty.Succeeded, empty.Error);
        Assert.Equal(new[] { "DONE" }, AppRunner.Comparable(empty.Output).Skip(1));
        Assert.Equal(commands + 2, AppRunner.Comparable(fed.Output).Count);
        Assert.NotEmpty(fed.FirstUseMs);
    }

    [Fact]
    public void A_web_floor_listens_on_the_loopback_port_the_harness_passes()
    {
        var layout = RepositoryLayout.FindAll(null).First(l => l.Http);
        var floor = AppBuilder.Build(layout.FloorProject, "net10.0", reuseExisting: true, _ => { });
        var port = Harness.FreeLoopbackPort();
        var arguments = new[] { "--urls", $"http://127.0.0.1:{port}" };

        // While something else holds the port the app cannot start: it is the port the app binds.
        var holder = new TcpListener(IPAddress.Loopback, port);
        holder.Start();
        RunResult blocked;
        try
        {
            blocked = AppRunner.Run("floor", "time", 1, floor, null, "", NoIdle, arguments);
        }
        finally
        {
            holder.Stop();
        }

        var run = AppRunner.Run("floor", "time", 2, floor, null, "", NoIdle, arguments);

        Assert.False(blocked.Succeeded);
        Assert.True(run.Succeeded, run.Error);
        Assert.Contains(run.Output, line => line.StartsWith("GET /health -> 200", System.StringComparison.Ordinal));
    }
}
