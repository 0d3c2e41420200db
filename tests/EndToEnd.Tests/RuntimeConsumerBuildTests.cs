using System.IO;
using System.Linq;
using LazyMigrate.EndToEnd.Tests.Consumers;
using LazyMigrate.EndToEnd.Tests.Infrastructure;

namespace LazyMigrate.EndToEnd.Tests;

/// <summary>
/// A fresh console app that installs only LazyMigrate.Runtime (plus real heavy packages)
/// gets the analyzers transitively, and the severity presets and .editorconfig overrides work in a CI build.
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class RuntimeConsumerBuildTests
{
    private readonly PackedPackagesFixture _packages;

    public RuntimeConsumerBuildTests(PackedPackagesFixture packages)
    {
        _packages = packages;
    }

    [Fact]
    public void Default_preset_reports_the_warnings_at_the_marked_file_and_line()
    {
        var app = _packages.SharedRestoredConsumer(HeavyStartupApp.Template);

        var build = app.Build();

        Assert.True(build.Succeeded, build.Result.Describe());
        Assert.Equal(app.ExpectedKeys(Rules.DefaultWarnings), build.Keys("warning"));
        Assert.NotEmpty(build.Diagnostics);
        Assert.All(build.Diagnostics, d => Assert.StartsWith(app.Directory, d.File));
    }

    [Fact]
    public void Warnaserror_fails_the_build_on_the_LZM_warnings()
    {
        var app = _packages.SharedRestoredConsumer(HeavyStartupApp.Template);
        var expected = app.ExpectedKeys(Rules.DefaultWarnings);

        var warnAsError = app.Build("-warnaserror");
        var treatWarningsAsErrors = app.Build("-p:TreatWarningsAsErrors=true");

        Assert.False(warnAsError.Succeeded, warnAsError.Result.Describe());
        Assert.Equal(expected, warnAsError.Keys("error"));
        Assert.False(treatWarningsAsErrors.Succeeded, treatWarningsAsErrors.Result.Describe());
        Assert.Equal(expected, treatWarningsAsErrors.Keys("error"));
    }

    [Fact]
    public void Strict_preset_turns_the_suggestions_into_warnings()
    {
        var app = _packages.SharedRestoredConsumer(HeavyStartupApp.Template);

        var build = app.Build("-p:LazyMigrateAnalysisMode=strict");

        Assert.True(build.Succeeded, build.Result.Describe());
        Assert.Equal(app.ExpectedKeys(Rules.All), build.Keys("warning"));
        Assert.All(Rules.DefaultSuggestions, id => Assert.Contains(build.Diagnostics, d => d.Id == id && d.Severity == "warning"));
    }

    [Fact]
    public void None_preset_reports_nothing()
    {
        var app = _packages.SharedRestoredConsumer(HeavyStartupApp.Template);

        var build = app.Build("-p:LazyMigrateAnalysisMode=none", "-warnaserror");

        Assert.True(build.Succeeded, build.Result.Describe());
        Assert.Empty(build.Diagnostics);
    }

    [Fact]
    public void Unknown_preset_is_a_clear_build_error()
    {
        var app = _packages.SharedRestoredConsumer(HeavyStartupApp.Template);

        var build = app.Build("-p:LazyMigrateAnalysisMode=strcit");

        Assert.False(build.Succeeded);
        Assert.Contains(build.Result.Lines, l => l.Contains("error LZMB001") && l.Contains("'strcit'") && l.Contains("default, strict, none"));
    }

    [Fact]
    public void Editorconfig_and_globalconfig_of_the_user_override_the_preset_and_the_shipped_options()
    {
        var app = _packages.CreateConsumer("override", HeavyStartupApp.Template);
        app.WriteFile(".editorconfig", """
            [*.cs]
            dotnet_diagnostic.LZM0001.severity = none
            dotnet_diagnostic.LZM0004.severity = warning
            # The package ships this key empty (globalconfigs/LazyMigrate.options.globalconfig); ours must win.
            lazymigrate.not_heavy_assemblies = Microsoft.ML.OnnxRuntime
            """);
        // A user's .globalconfig (global_level 100 by default) wins over the package's (-1).
        app.WriteFile(".globalconfig", """
            is_global = true
            dotnet_diagnostic.LZM0003.severity = none
            """);
        app.RestoreOrThrow();

        var build = app.Build();

        Assert.True(build.Succeeded, build.Result.Describe());
        // LZM0001 and LZM0003 are off, LZM0002 only flagged ONNX Runtime (now not heavy), LZM0004 is up to a warning.
        var expected = app.ExpectedKeys(Rules.DefaultWarnings.Except(new[] { "LZM0001", "LZM0002", "LZM0003" }).Append("LZM0004"));
        Assert.Equal(expected, build.Keys("warning"));
        Assert.DoesNotContain(build.Diagnostics, d => d.Id is "LZM0001" or "LZM0002" or "LZM0003");
    }
}
