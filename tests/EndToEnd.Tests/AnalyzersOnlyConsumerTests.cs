using System.IO;
using System.Linq;
using LazyMigrate.EndToEnd.Tests.Consumers;
using LazyMigrate.EndToEnd.Tests.Infrastructure;

namespace LazyMigrate.EndToEnd.Tests;

/// <summary>LazyMigrate.Analyzers alone gives diagnostics and BCL-only fixes, and ships nothing into the app's output.</summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class AnalyzersOnlyConsumerTests
{
    private readonly PackedPackagesFixture _packages;

    public AnalyzersOnlyConsumerTests(PackedPackagesFixture packages)
    {
        _packages = packages;
    }

    [Fact]
    public void Analyzers_package_alone_reports_and_fixes_with_Lazy_of_object_and_adds_no_assembly_to_the_output()
    {
        var app = _packages.CreateConsumer("analyzers-only", AnalyzersOnlyApp.Template);
        // Installed the way a user does it: `dotnet add package` applies the developmentDependency defaults.
        var add = ProcessRunner.Dotnet(app.Directory, "add", app.ProjectFile, "package", "LazyMigrate.Analyzers", "--version", _packages.Version);
        Assert.True(add.ExitCode == 0, add.Describe());
        var projectXml = File.ReadAllText(app.ProjectFile);
        Assert.Contains("LazyMigrate.Analyzers", projectXml);
        Assert.Contains("<PrivateAssets>all</PrivateAssets>", projectXml);

        var before = app.Build();
        Assert.True(before.Succeeded, before.Result.Describe());
        Assert.Equal(app.ExpectedKeys(Rules.DefaultWarnings), before.Keys("warning"));
        var runBefore = app.Run();
        Assert.True(runBefore.ExitCode == 0, runBefore.Describe());

        var format = ProcessRunner.Dotnet(app.Directory,
            "format", "analyzers", app.ProjectFile, "--diagnostics", "LZM0001", "--severity", "info", "--no-restore");
        Assert.True(format.ExitCode == 0, format.Describe());

        var fixedSource = app.ReadFile(AnalyzersOnlyApp.ImagingFile);
        Assert.Contains("Lazy<object>", fixedSource);
        Assert.DoesNotContain("LazyMigrate", fixedSource);
        var after = app.Build();
        Assert.True(after.Succeeded, after.Result.Describe());
        Assert.DoesNotContain(after.Diagnostics, d => d.Id == "LZM0001");
        var runAfter = app.Run();
        Assert.True(runAfter.ExitCode == 0, runAfter.Describe());
        Assert.Equal(runBefore.Lines, runAfter.Lines);

        // A development dependency: nothing of LazyMigrate in the app's output or its dependency manifest.
        Assert.Empty(Directory.GetFiles(app.OutputDirectory, "LazyMigrate*", SearchOption.AllDirectories));
        Assert.DoesNotContain("LazyMigrate", File.ReadAllText(Path.Combine(app.OutputDirectory, app.Name + ".deps.json")));
    }
}
