using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using LazyMigrate.Cli.Tests.Infrastructure;

namespace LazyMigrate.Cli.Tests;

/// <summary>
/// Web apps made ready from outside (the first successful answer of a URL) or by the host's ApplicationStarted.
/// The app prints a READY line before it even builds its host, so a marker would make it ready long before
/// ONNX Runtime loads; these modes must count that load before ready.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class ReadyUrlTests : IClassFixture<ReadyAppFixture>
{
    private readonly ReadyAppFixture _app;

    public ReadyUrlTests(ReadyAppFixture app) => _app = app;

    [Fact]
    public async Task Ready_url_runs_kestrel_on_a_free_local_port_and_counts_what_the_first_request_loads_before_ready()
    {
        using var temp = new TempDirectory();
        var json = temp.Combine("profile.json");

        var result = await CliRunner.RunAsync(temp.Path, "profile", "--no-explain", "--ready-url", "http://localhost:5000/health", "--stop-at-ready", "--timeout", "120", "--json", json, "--", _app.AppDll, "web", "handler");

        Assert.True(result.ExitCode == 0, result.ToString());

        // The tool chose the port and passed it with --urls; the host and port of the given URL were replaced.
        Assert.Matches(new Regex(@"listening on http://127\.0\.0\.1:\d+"), result.Err);
        Assert.DoesNotContain("listening on http://127.0.0.1:5000", result.Err);
        Assert.Contains("first successful response to the ready URL", result.Out);

        using var profile = JsonDocument.Parse(File.ReadAllText(json));
        var root = profile.RootElement;
        Assert.Equal("external", root.GetProperty("readyReason").GetString());
        var readyAt = root.GetProperty("readyAtMs").GetDouble();
        var onnx = root.GetProperty("assemblies").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "Microsoft.ML.OnnxRuntime");
        Assert.True(onnx.GetProperty("atMs").GetDouble() <= readyAt, $"ONNX Runtime at {onnx.GetProperty("atMs").GetDouble()} ms, ready at {readyAt} ms");
        Assert.Contains("Microsoft.ML.OnnxRuntime", root.GetProperty("lazymigrate").GetProperty("heavyPackagesBeforeReady").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.All(root.GetProperty("assemblies").EnumerateArray(), a => Assert.True(a.GetProperty("atMs").GetDouble() <= readyAt));
    }

    [Fact]
    public async Task Ready_started_makes_an_aspnetcore_app_ready_at_ApplicationStarted_after_its_hosted_services_started()
    {
        using var temp = new TempDirectory();
        var json = temp.Combine("profile.json");

        var result = await CliRunner.RunAsync(temp.Path, "profile", "--no-explain", "--ready-started", "--stop-at-ready", "--timeout", "120", "--json", json, "--", _app.AppDll, "web", "service", "--urls", "http://127.0.0.1:0");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("the host raised ApplicationStarted", result.Out);
        using var profile = JsonDocument.Parse(File.ReadAllText(json));
        var root = profile.RootElement;
        Assert.Equal("started", root.GetProperty("readyReason").GetString());
        Assert.Contains("Microsoft.ML.OnnxRuntime", root.GetProperty("assemblies").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Ready_url_of_a_program_that_exits_without_answering_is_exit_6()
    {
        using var temp = new TempDirectory();

        var result = await CliRunner.RunAsync(temp.Path, "profile", "--no-explain", "--ready-url", "/health", "--timeout", "120", "--", _app.AppDll, "quit");

        Assert.True(result.ExitCode == 6, result.ToString());
        Assert.Contains("exited (code 3) before it was ready (no 2xx/3xx response from /health)", result.Err);
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public async Task Ready_options_that_contradict_each_other_are_exit_2()
    {
        using var temp = new TempDirectory();

        var result = await CliRunner.RunAsync(temp.Path, "profile", "--ready-url", "/health", "--ready-marker", "UP", "--", _app.AppDll, "quit");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("pass one", result.Err);
    }
}
