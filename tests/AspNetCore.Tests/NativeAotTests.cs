using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using LazyMigrate.Tests.Shared;

namespace LazyMigrate.AspNetCore.Tests;

/// <summary>Publishes tests/Runtime.TestApps/AotApp once as a Native AOT binary (linux-x64).</summary>
public sealed class NativeAotFixture : IDisposable
{
    public NativeAotFixture()
    {
        Output = Path.Combine(Path.GetTempPath(), "lazymigrate-aot-" + Guid.NewGuid().ToString("N"));
        Publish = AotApp.PublishNative(Output);
        Binary = Path.Combine(Output, "LazyMigrate.Runtime.AotApp");
    }

    public string Output { get; }

    public ChildProcessOutput Publish { get; }

    public string Binary { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Output, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }
}

/// <summary>
/// The runtime and the hosting integration in a Native AOT binary: no trim or AOT warning, and the
/// binary behaves like the JIT build (presence probe without deps.json, background preloading, the
/// value built in the background, eager mode, the status JSON).
/// </summary>
public sealed class NativeAotTests : IClassFixture<NativeAotFixture>
{
    private readonly NativeAotFixture _aot;

    public NativeAotTests(NativeAotFixture aot)
    {
        _aot = aot;
    }

    [Fact]
    public void Publish_succeeds_without_any_trim_or_aot_warning()
    {
        Assert.True(_aot.Publish.ExitCode == 0, _aot.Publish.ToString());
        Assert.Empty(AotApp.TrimAndAotWarnings(_aot.Publish.Stdout + _aot.Publish.Stderr));
        Assert.True(File.Exists(_aot.Binary), _aot.Publish.ToString());

        // A native binary: no IL of the app or the libraries beside it.
        Assert.False(File.Exists(Path.Combine(_aot.Output, "LazyMigrate.Runtime.dll")));
        Assert.False(File.Exists(Path.Combine(_aot.Output, "LazyMigrate.Runtime.AotApp.dll")));
    }

    [Fact]
    public void Native_binary_probes_preloads_builds_and_reports_like_the_jit_build()
    {
        Assert.True(File.Exists(_aot.Binary), _aot.Publish.ToString());
        var native = AotApp.RunNative(_aot.Binary, "preload");
        var jit = AotApp.RunJit("preload");
        Assert.True(native.ExitCode == 0, native.ToString());
        Assert.True(jit.ExitCode == 0, jit.ToString());

        // Without deps.json the probe still finds the app's assemblies and misses the absent ones.
        Assert.Equal("True", native.Value("PROBE-ASSEMBLY-SELF"));
        Assert.Equal("True", native.Value("PROBE-ASSEMBLY-RUNTIME"));
        Assert.Equal("True", native.Value("PROBE-PATTERN-RUNTIME"));
        Assert.Equal("False", native.Value("PROBE-ASSEMBLY-ABSENT"));
        Assert.Equal("False", native.Value("PROBE-PACKAGE-TORCH"));
        Assert.Equal("True", native.Value("AVAILABLE"));

        // Background preloading loaded the package once and built its value.
        Assert.Equal("True", native.Value("READY"));
        Assert.Equal("Loaded", native.Value("STATE"));
        Assert.Equal("background", native.Value("TRIGGER"));
        Assert.Equal("1", native.Value("WARMUPS"));
        Assert.Equal("False", native.Value("VALUE-BUILT-BEFORE"));
        Assert.Equal("True", native.Value("VALUE-BUILT-AFTER"));
        Assert.Equal("report built", native.Value("VALUE"));
        Assert.Equal("background", native.Value("VALUE-FIRSTUSE"));
        Assert.Equal("UnknownLazyPackageException|AotApp.Self", native.Value("MISSPELLED"));
        Assert.Equal("AotApp.Self:Loaded", native.Value("STATUS-PACKAGES"));

        // Every line but the JSON (timestamps, durations) is the JIT build's.
        var nativeLines = native.Lines.Where(l => !l.StartsWith("STATUS-JSON=", StringComparison.Ordinal));
        var jitLines = jit.Lines.Where(l => !l.StartsWith("STATUS-JSON=", StringComparison.Ordinal));
        Assert.Equal(jitLines, nativeLines);

        // The JSON has the same shape and states.
        using var nativeJson = JsonDocument.Parse(native.Value("STATUS-JSON"));
        using var jitJson = JsonDocument.Parse(jit.Value("STATUS-JSON"));
        Assert.Equal(Summary(jitJson.RootElement), Summary(nativeJson.RootElement));
        Assert.Equal("Loaded", nativeJson.RootElement.GetProperty("packages")[0].GetProperty("state").GetString());
        Assert.Equal(100.0, nativeJson.RootElement.GetProperty("progress").GetProperty("percentage").GetDouble());
    }

    [Fact]
    public void Native_binary_in_eager_mode_becomes_ready_and_fails_startup_on_a_missing_package()
    {
        Assert.True(File.Exists(_aot.Binary), _aot.Publish.ToString());
        var ready = AotApp.RunNative(_aot.Binary, "eager-ready", "--LazyLoading:Eager=true");
        Assert.True(ready.ExitCode == 0, ready.ToString());
        Assert.Equal("True", ready.Value("READY"));

        var missing = AotApp.RunNative(_aot.Binary, "eager-missing", "--LazyLoading:Eager=true");
        Assert.Equal("failed", missing.Value("STARTUP"));
        Assert.Contains("Eager lazy loading failed for 2 package(s)", missing.Value("ERROR"), StringComparison.Ordinal);
        Assert.Contains("'Contoso.Missing' (registered at ", missing.Value("ERROR"), StringComparison.Ordinal);
        Assert.Contains("'TorchSharp' (a built-in catalog package", missing.Value("ERROR"), StringComparison.Ordinal);
    }

    /// <summary>Names, states and counts of a status JSON, without timestamps and durations.</summary>
    private static string Summary(JsonElement status)
    {
        var progress = status.GetProperty("progress");
        var counts = string.Join(",", progress.EnumerateObject().Select(p => $"{p.Name}={p.Value}"));
        var packages = string.Join(",", status.GetProperty("packages").EnumerateArray().Select(p => $"{p.GetProperty("name").GetString()}:{p.GetProperty("state").GetString()}:{p.GetProperty("trigger").GetString()}"));
        // First-use sites of user frames are left out: a native binary has no method metadata for stack frames.
        var values = string.Join(",", status.GetProperty("values").EnumerateArray().Select(v => $"{v.GetProperty("package").GetString()}:{v.GetProperty("state").GetString()}"));
        return $"{counts}|{packages}|{values}";
    }
}
