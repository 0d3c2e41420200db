using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using LazyMigrate.EndToEnd.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LazyMigrate.EndToEnd.Tests;

/// <summary>
/// The severity presets and the shipped option keys, checked against the analyzer assembly inside the
/// same package: a new rule or option that the presets forget fails here.
/// </summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class PresetConsistencyTests
{
    private readonly PackageFile _package;
    private readonly Assembly _analyzer;

    public PresetConsistencyTests(PackedPackagesFixture packages)
    {
        _package = new PackageFile(packages.PackagePath("LazyMigrate.Analyzers"));
        // Its own load context: Microsoft.CodeAnalysis falls back to the test's copy, like in a compiler host.
        var context = new AssemblyLoadContext("packed-analyzer-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        _analyzer = context.LoadFromStream(new MemoryStream(_package.ReadEntry("analyzers/dotnet/cs/LazyMigrate.Analyzers.dll")));
    }

    [Fact]
    public void Default_preset_repeats_each_rules_declared_severity()
    {
        var declared = DeclaredSeverities();
        var preset = Severities("default");

        Assert.Equal(declared.Keys.OrderBy(k => k), preset.Keys.OrderBy(k => k));
        foreach (var (id, severity) in declared)
        {
            var expected = severity switch
            {
                DiagnosticSeverity.Error => "error",
                DiagnosticSeverity.Warning => "warning",
                DiagnosticSeverity.Info => "suggestion",
                _ => "silent",
            };
            Assert.True(expected == preset[id], $"{id}: declared {severity}, default preset says {preset[id]}");
        }
    }

    [Theory]
    [InlineData("strict", "warning")]
    [InlineData("none", "none")]
    public void Strict_and_none_presets_set_every_rule(string preset, string severity)
    {
        var declared = DeclaredSeverities();
        var configured = Severities(preset);

        Assert.Equal(declared.Keys.OrderBy(k => k), configured.Keys.OrderBy(k => k));
        Assert.All(configured.Values, v => Assert.Equal(severity, v));
    }

    [Fact]
    public void Presets_are_global_configs_below_the_users_own()
    {
        foreach (var preset in new[] { "default", "strict", "none", "options" })
        {
            var lines = ConfigLines(preset);
            Assert.Contains("is_global = true", lines);
            var level = lines.Single(l => l.StartsWith("global_level", StringComparison.Ordinal));
            Assert.True(int.Parse(level.Split('=')[1].Trim()) < 100, $"{preset}: {level} must stay below a user's .globalconfig (100)");
        }
    }

    [Fact]
    public void Options_config_ships_every_option_key_the_analyzer_reads_and_leaves_them_empty()
    {
        var readByAnalyzer = _analyzer.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Where(v => v.StartsWith("lazymigrate.", StringComparison.Ordinal) && !v.Contains(' '))
            .Distinct()
            .OrderBy(v => v, StringComparer.Ordinal)
            .ToArray();
        var shipped = ConfigLines("options")
            .Where(l => l.StartsWith("lazymigrate.", StringComparison.Ordinal))
            .ToDictionary(l => l.Split('=')[0].Trim(), l => l.Substring(l.IndexOf('=') + 1).Trim());

        Assert.NotEmpty(readByAnalyzer);
        Assert.Equal(readByAnalyzer, shipped.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray());
        // The catalog itself is compiled in; the shipped keys are only the (empty) user additions.
        Assert.All(shipped.Values, Assert.Empty);
    }

    private Dictionary<string, DiagnosticSeverity> DeclaredSeverities()
    {
        var result = new Dictionary<string, DiagnosticSeverity>(StringComparer.Ordinal);
        foreach (var type in _analyzer.GetTypes().Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t)))
        {
            if (type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is null)
            {
                continue;
            }

            var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(type)!;
            foreach (var descriptor in analyzer.SupportedDiagnostics)
            {
                result[descriptor.Id] = descriptor.DefaultSeverity;
            }
        }

        Assert.NotEmpty(result);
        return result;
    }

    private Dictionary<string, string> Severities(string preset) =>
        ConfigLines(preset)
            .Where(l => l.StartsWith("dotnet_diagnostic.", StringComparison.Ordinal))
            .ToDictionary(
                l => l.Split('.')[1],
                l => l.Substring(l.IndexOf('=') + 1).Trim(),
                StringComparer.Ordinal);

    private string[] ConfigLines(string preset) =>
        Encoding.UTF8.GetString(_package.ReadEntry($"globalconfigs/LazyMigrate.{preset}.globalconfig"))
            .Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToArray();
}
