using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace LazyMigrate.AspNetCore.Tests;

/// <summary>
/// Eager mode as CI runs it, in a fresh process each (the ready signal and the eager switch are
/// process-wide): the JIT build of tests/Runtime.TestApps/AotApp.
/// </summary>
public sealed class EagerHostTests
{
    [Theory]
    [InlineData("options")]
    [InlineData("environment")]
    public void Eager_mode_marks_the_app_ready_once_the_host_started(string switchedBy)
    {
        var run = switchedBy == "options"
            ? AotApp.RunJit("eager-ready", "--LazyLoading:Eager=true")
            : AotApp.RunJit(new Dictionary<string, string> { [LazyLoading.EagerEnvironmentVariable] = "1" }, "eager-ready");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("True", run.Value("STARTED"));
        Assert.Equal("Loaded", run.Value("STATE"));
        Assert.Equal("True", run.Value("READY"));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("false")]
    public void Eager_mode_fails_startup_naming_each_missing_package_of_the_app_and_where_it_was_declared_and_no_other_catalog_entry(string skipUnavailable)
    {
        var run = AotApp.RunJit("eager-missing", "--LazyLoading:Eager=true", $"--LazyLoading:SkipUnavailable={skipUnavailable}");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("failed", run.Value("STARTUP"));
        var error = run.Value("ERROR");
        Assert.Contains("Eager lazy loading failed for 2 package(s) and 0 lazy value(s)", error, StringComparison.Ordinal);

        // The package the app registered, with its registration site ...
        Assert.Matches(@"'Contoso\.Missing' \(registered at .*AotApp/Program\.cs:\d+ \(EagerMissingAsync\)\): Lazy package 'Contoso\.Missing' could not be loaded: assembly 'Contoso\.Missing\.Engine' failed", error);

        // ... and the catalog package a lazy value names, with the value's declaration site.
        Assert.Matches(@"'TorchSharp' \(a built-in catalog package; named by the lazy values declared at .*AotApp/Program\.cs:\d+ \(s_tensor\)\): Lazy package 'TorchSharp' could not be loaded: assembly 'TorchSharp' failed", error);

        // The catalog's other entries are not part of this app: not attempted, not reported.
        foreach (var other in new[] { "SkiaSharp", "Magick.NET", "LibGit2Sharp", "Lucene.Net", "AWS SDK", "Microsoft.ML" })
        {
            Assert.DoesNotContain($"'{other}'", error, StringComparison.Ordinal);
        }

        Assert.Equal(2, Regex.Matches(error, "could not be loaded").Count);
    }
}
