using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace LazyMigrate.Cli.Tests.Infrastructure;

/// <summary>
/// The explain test app (ONNX Runtime through a static initializer, Magick.NET through a type found by name),
/// built in the tests' configuration and profiled once by the real CLI with JSON and HTML output.
/// </summary>
public sealed class ExplainAppFixture : IAsyncLifetime
{
    private readonly TempDirectory _temp = new("lzm-explain");

    public static string ProjectDirectory => Path.Combine(TestPaths.RepoRoot, "tests", "Cli.TestApps", "ExplainApp");

    public string AppDll { get; } = Path.Combine(ProjectDirectory, "bin", TestPaths.Configuration, "net10.0", "ExplainApp.dll");

    public CliResult Result { get; private set; } = new(-1, string.Empty, string.Empty);

    public string JsonPath => _temp.Combine("profile.json");

    public string HtmlPath => _temp.Combine("profile.html");

    /// <summary>The 1-based line of the first line of <paramref name="file"/> (in the app's folder) that contains <paramref name="text"/>.</summary>
    public static int LineOf(string file, string text)
    {
        var lines = File.ReadAllLines(Path.Combine(ProjectDirectory, file));
        var index = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        Assert.True(index >= 0, $"'{text}' not found in {file}");
        return index + 1;
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(AppDll))
        {
            var (code, output) = await CliRunner.ToolAsync(ProjectDirectory, "dotnet", "build", "-c", TestPaths.Configuration);
            Assert.True(code == 0, "building the explain test app failed:\n" + output);
        }

        Result = await CliRunner.RunAsync(_temp.Path, "profile", "--json", JsonPath, "--html", HtmlPath, "--", AppDll);
    }

    public Task DisposeAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }
}
