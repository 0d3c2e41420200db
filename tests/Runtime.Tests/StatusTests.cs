using System;
using System.Linq;
using System.Text.Json;
using System.Threading;

namespace LazyMigrate.Runtime.Tests;

public sealed class StatusTests
{
    [Fact]
    public void Percentage_counts_only_loaded_packages_so_a_failure_is_not_progress()
    {
        var registry = new LazyPackageRegistry();
        registry.Register("loaded", 1, Array.Empty<string>()).EnsureLoaded();
        var broken = registry.Register("broken", 1, new[] { "Contoso.Status.Missing" });
        Assert.Throws<LazyLoadException>(() => broken.EnsureLoaded());

        var progress = registry.GetStatus().Progress;

        Assert.Equal(2, progress.TotalPackages);
        Assert.Equal(1, progress.LoadedPackages);
        Assert.Equal(1, progress.FailedPackages);
        Assert.Equal(50.0, progress.Percentage);
    }

    [Fact]
    public void Catalog_entries_the_app_neither_contains_nor_names_are_left_out_until_a_value_names_one()
    {
        // The test app contains none of these catalog packages and no other test names them.
        var before = LazyPackageRegistry.Default.GetStatus().Packages.Select(p => p.Name).ToArray();
        Assert.DoesNotContain("LibGit2Sharp", before);
        Assert.DoesNotContain("AWS SDK", before);
        Assert.DoesNotContain("Lucene.Net", before);
        Assert.Equal(before.Length, LazyPackageRegistry.Default.GetStatus().Progress.TotalPackages);

        // A live value naming one (here by one of its assemblies) makes it part of the app.
        var search = new LazyValue("Lucene.Net.Analysis.Common", () => new object());
        var after = LazyPackageRegistry.Default.GetStatus();
        Assert.Equal(LazyPackageState.NotLoaded, after.Packages.Single(p => p.Name == "Lucene.Net").State);
        Assert.Contains(after.Values, v => v.Package == "Lucene.Net" && v.State == LazyValueState.NotBuilt);
        Assert.DoesNotContain("LibGit2Sharp", after.Packages.Select(p => p.Name));
        GC.KeepAlive(search);
    }

    [Fact]
    public void Values_are_listed_with_declaration_state_build_time_and_first_use_and_failures_with_their_next_retry()
    {
        var registry = new LazyPackageRegistry();
        var package = registry.Register(TestSupport.UniqueName("Reports"), 2, Array.Empty<string>());
        var built = package.Export(() => "report"); var line = TestSupport.Line();
        var waiting = package.Export(() => "later");
        var broken = registry.Register(TestSupport.UniqueName("Broken"), 3, new[] { "Contoso.Status.Broken" });
        broken.RetryDelay = TimeSpan.FromMinutes(5);
        var blocked = broken.Export(() => "never");

        Assert.Equal("report", built.Get<string>());
        var failedAt = DateTimeOffset.UtcNow;
        Assert.Throws<LazyLoadException>(() => blocked.Get<string>());
        var status = registry.GetStatus();

        Assert.Equal(3, status.Progress.TotalValues);
        Assert.Equal(1, status.Progress.BuiltValues);
        Assert.Equal(1, status.Progress.FailedValues);
        var first = status.Values[0];
        Assert.EndsWith($"StatusTests.cs:{line} ({nameof(Values_are_listed_with_declaration_state_build_time_and_first_use_and_failures_with_their_next_retry)})", first.DeclarationSite);
        Assert.Equal(LazyValueState.Built, first.State);
        Assert.Equal(package.Name, first.Package);
        Assert.NotNull(first.BuildTimeMs);
        Assert.Matches(@$"{nameof(StatusTests)}\.{nameof(Values_are_listed_with_declaration_state_build_time_and_first_use_and_failures_with_their_next_retry)} in .*StatusTests\.cs:\d+$", first.FirstUseSite);
        Assert.Null(first.NextRetryAt);
        Assert.Equal(LazyValueState.NotBuilt, status.Values[1].State);
        Assert.Null(status.Values[1].FirstUseSite);

        // The value's package failed: told apart from a factory failure, with the package's next retry time.
        var third = status.Values[2];
        Assert.Equal(LazyValueState.PackageFailed, third.State);
        var brokenStatus = status.Packages.Single(p => p.Name == broken.Name);
        Assert.Equal("assembly 'Contoso.Status.Broken'", brokenStatus.FailedComponent);
        Assert.InRange(brokenStatus.NextRetryAt!.Value, failedAt + broken.RetryDelay, DateTimeOffset.UtcNow + broken.RetryDelay);
        Assert.InRange(third.NextRetryAt!.Value, failedAt + blocked.RetryDelay, DateTimeOffset.UtcNow + blocked.RetryDelay);

        // The same in JSON.
        using var document = JsonDocument.Parse(status.ToJson());
        var values = document.RootElement.GetProperty("values");
        Assert.Equal("Built", values[0].GetProperty("state").GetString());
        Assert.Equal("PackageFailed", values[2].GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.String, document.RootElement.GetProperty("packages")[1].GetProperty("nextRetryAt").ValueKind);
        GC.KeepAlive(waiting);
    }

    [Fact]
    public void Json_keeps_quotes_angle_brackets_and_plus_signs_readable()
    {
        var registry = new LazyPackageRegistry();
        var package = registry.Register("C++ <native> 'bindings'", 1, new[] { "Contoso.Status.Native" });
        Assert.Throws<LazyLoadException>(() => package.EnsureLoaded());

        var json = registry.GetStatus().ToJson();

        Assert.Contains("\"name\":\"C++ <native> 'bindings'\"", json);
        Assert.Contains("could not be loaded: assembly 'Contoso.Status.Native' failed", json);
        Assert.DoesNotContain("\\u0027", json);
        Assert.DoesNotContain("\\u002B", json);
        Assert.DoesNotContain("\\u003C", json);
        Assert.Equal("C++ <native> 'bindings'", JsonDocument.Parse(registry.GetStatus().ToJson(indented: true)).RootElement.GetProperty("packages")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void A_value_naming_an_unknown_package_shows_as_failed_before_its_first_access()
    {
        var value = new LazyValue("Magick.NTE", () => new object()); var line = TestSupport.Line();

        var entry = LazyPackageRegistry.Default.GetStatus().Values.Single(v => v.DeclarationSite!.EndsWith($"StatusTests.cs:{line} ({nameof(A_value_naming_an_unknown_package_shows_as_failed_before_its_first_access)})", StringComparison.Ordinal));

        Assert.Equal(LazyValueState.Failed, entry.State);
        Assert.Contains("(did you mean 'Magick.NET'?)", entry.Error);
        GC.KeepAlive(value);
    }
}
