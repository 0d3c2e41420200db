using System.IO;
using System.Threading.Tasks;

namespace LazyMigrate.Cli.Tests.Infrastructure;

/// <summary>
/// The heavy test app (EF Core + SQLite, ONNX Runtime, Magick.NET) built in the tests' configuration.
/// The solution build normally produces it; it is built here only when missing (e.g. a filtered run).
/// </summary>
public sealed class HeavyAppFixture : IAsyncLifetime
{
    public static string ProjectDirectory => Path.Combine(TestPaths.RepoRoot, "tests", "Cli.TestApps", "HeavyStartupApp");

    public string AppDll { get; } = Path.Combine(ProjectDirectory, "bin", TestPaths.Configuration, "net10.0", "HeavyStartupApp.dll");

    public async Task InitializeAsync()
    {
        if (!File.Exists(AppDll))
        {
            var (code, output) = await CliRunner.ToolAsync(ProjectDirectory, "dotnet", "build", "-c", TestPaths.Configuration);
            Assert.True(code == 0, "building the heavy test app failed:\n" + output);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
