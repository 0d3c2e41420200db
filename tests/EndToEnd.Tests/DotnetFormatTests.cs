using System.Linq;
using LazyMigrate.EndToEnd.Tests.Consumers;
using LazyMigrate.EndToEnd.Tests.Infrastructure;

namespace LazyMigrate.EndToEnd.Tests;

/// <summary>`dotnet format analyzers` applies the packed code fixes in batch; the app then builds clean and runs the same.</summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class DotnetFormatTests
{
    private static readonly string[] s_fixedIds = { "LZM0001", "LZM0002", "LZM0003" };

    private readonly PackedPackagesFixture _packages;

    public DotnetFormatTests(PackedPackagesFixture packages)
    {
        _packages = packages;
    }

    [Fact]
    public void Format_analyzers_fixes_the_startup_diagnostics_and_the_app_runs_the_same()
    {
        var app = _packages.CreateConsumer("format", HeavyStartupApp.Template);
        app.RestoreOrThrow();
        var before = app.Build();
        Assert.True(before.Succeeded, before.Result.Describe());
        Assert.Equal(app.ExpectedKeys(s_fixedIds), before.Keys("warning").Where(k => s_fixedIds.Any(k.StartsWith)).ToArray());
        var runBefore = app.Run();
        Assert.True(runBefore.ExitCode == 0, runBefore.Describe());
        var originalProgram = app.ReadFile(HeavyStartupApp.ProgramFile);
        var originalImaging = app.ReadFile(HeavyStartupApp.ImagingFile);

        var format = ProcessRunner.Dotnet(app.Directory,
            "format", "analyzers", app.ProjectFile, "--diagnostics", "LZM0001", "LZM0002", "LZM0003", "--severity", "info", "--no-restore");

        Assert.True(format.ExitCode == 0, format.Describe());
        Assert.NotEqual(originalProgram, app.ReadFile(HeavyStartupApp.ProgramFile));
        Assert.NotEqual(originalImaging, app.ReadFile(HeavyStartupApp.ImagingFile));
        // With LazyMigrate.Runtime referenced, the fix targets the runtime's proxy (docs/architecture.md).
        Assert.Contains("LazyValue", app.ReadFile(HeavyStartupApp.ImagingFile));

        var after = app.Build();
        Assert.True(after.Succeeded, after.Result.Describe());
        Assert.DoesNotContain(after.Diagnostics, d => s_fixedIds.Contains(d.Id));

        var runAfter = app.Run();
        Assert.True(runAfter.ExitCode == 0, runAfter.Describe());
        Assert.Equal(runBefore.Lines, runAfter.Lines);
    }
}
