using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using LazyMigrate.Cli.Tests.Infrastructure;

namespace LazyMigrate.Cli.Tests;

[Collection(CliCollection.Name)]
public sealed class ProfileTests : IClassFixture<HeavyAppFixture>
{
    private readonly HeavyAppFixture _app;

    public ProfileTests(HeavyAppFixture app) => _app = app;

    [Fact]
    public async Task Profile_of_a_real_heavy_app_names_its_heavy_assemblies_and_native_libraries_before_ready()
    {
        using var temp = new TempDirectory();
        var json = temp.Combine("profile.json");
        var html = temp.Combine("profile.html");

        var result = await CliRunner.RunAsync(temp.Path, "profile", "--json", json, "--html", html, "--", _app.AppDll);

        Assert.True(result.ExitCode == 0, result.ToString());

        // The program ran to its marker; its own output went to stderr, the report to stdout.
        Assert.Contains("READY", result.Err);
        Assert.Contains("ready marker \"READY\"", result.Out);
        var beforeReadyText = result.Out.Split("After ready:")[0];
        foreach (var name in new[] { "Microsoft.EntityFrameworkCore", "Microsoft.ML.OnnxRuntime", "Magick.NET-Q8-x64", "e_sqlite3", "onnxruntime", "Magick.Native-Q8-x64" })
        {
            Assert.Contains(name, beforeReadyText);
        }

        using var profile = JsonDocument.Parse(File.ReadAllText(json));
        var root = profile.RootElement;
        var readyAt = root.GetProperty("readyAtMs").GetDouble();
        Assert.True(readyAt > 0);
        var assemblies = root.GetProperty("assemblies").EnumerateArray().ToList();
        foreach (var name in new[] { "Microsoft.EntityFrameworkCore", "Microsoft.EntityFrameworkCore.Sqlite", "Microsoft.ML.OnnxRuntime", "Magick.NET-Q8-x64" })
        {
            var load = assemblies.Single(a => a.GetProperty("name").GetString() == name);
            var at = load.GetProperty("atMs").GetDouble();
            Assert.True(at > 0 && at <= readyAt, $"{name} at {at} ms, ready at {readyAt} ms");
            Assert.False(string.IsNullOrEmpty(load.GetProperty("heavyPackage").GetString()), name + " not marked heavy");
        }

        var natives = root.GetProperty("lazymigrate").GetProperty("nativeLibrariesBeforeReady").EnumerateArray().ToList();
        foreach (var (file, package) in new[] { ("e_sqlite3", "Microsoft.EntityFrameworkCore"), ("onnxruntime", "Microsoft.ML.OnnxRuntime"), ("Magick.Native-Q8-x64", "Magick.NET") })
        {
            var native = natives.First(n => n.GetProperty("name").GetString()!.Contains(file, StringComparison.Ordinal));
            var at = native.GetProperty("atMs").GetDouble();
            Assert.True(at > 0 && at <= readyAt, $"{file} at {at} ms, ready at {readyAt} ms");
            Assert.Equal(package, native.GetProperty("heavyPackage").GetString());
        }

        var heavy = root.GetProperty("lazymigrate").GetProperty("heavyPackagesBeforeReady").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("Microsoft.EntityFrameworkCore", heavy);
        Assert.Contains("Microsoft.ML.OnnxRuntime", heavy);
        Assert.Contains("Magick.NET", heavy);

        AssertSelfContained(File.ReadAllText(html));
    }

    [Fact]
    public async Task Profile_of_a_missing_program_is_exit_2()
    {
        using var temp = new TempDirectory();
        var result = await CliRunner.RunAsync(temp.Path, "profile", "--", temp.Combine("NoSuchApp.dll"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("path not found", result.Err);
    }

    private static void AssertSelfContained(string html)
    {
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<svg", html);
        Assert.Contains("<style>", html);
        Assert.Contains("Microsoft.EntityFrameworkCore", html);
        Assert.Contains("Magick.NET", html);

        // Nothing is fetched: no external stylesheet, script, image, frame, font or CSS import.
        Assert.DoesNotMatch(new Regex(@"\b(src|href|xlink:href|action|poster|data)\s*=\s*[""']?\s*(https?:)?//", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex(@"<link\b", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex(@"<script[^>]*\bsrc\s*=", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex(@"<(iframe|img|object|embed)\b", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex(@"@import|url\(", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex(@"https?://", RegexOptions.IgnoreCase), html);
    }
}
