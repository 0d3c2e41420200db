using System.IO;
using System.Threading.Tasks;

namespace LazyMigrate.Cli.Tests.Infrastructure;

/// <summary>
/// tests/Cli.TestApps/ReadyApp (a Kestrel app and console shapes chosen by its first argument), built in the
/// tests' configuration; built here only when missing (e.g. a filtered run).
/// </summary>
public sealed class ReadyAppFixture : IAsyncLifetime
{
    public static string ProjectDirectory => Path.Combine(TestPaths.RepoRoot, "tests", "Cli.TestApps", "ReadyApp");

    public string AppDll { get; } = Path.Combine(ProjectDirectory, "bin", TestPaths.Configuration, "net10.0", "ReadyApp.dll");

    public async Task InitializeAsync()
    {
        if (!File.Exists(AppDll))
        {
            var (code, output) = await CliRunner.ToolAsync(ProjectDirectory, "dotnet", "build", "-c", TestPaths.Configuration);
            Assert.True(code == 0, "building the ready test app failed:\n" + output);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
