using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using LazyMigrate.EndToEnd.Tests.Infrastructure;

namespace LazyMigrate.EndToEnd.Tests;

/// <summary>What is inside the packed .nupkg files.</summary>
[Collection(PackedPackagesCollection.Name)]
public sealed class PackageContentsTests
{
    private readonly PackedPackagesFixture _packages;

    public PackageContentsTests(PackedPackagesFixture packages)
    {
        _packages = packages;
    }

    public static TheoryData<string> PackageIds => new() { "LazyMigrate.Analyzers", "LazyMigrate.Runtime", "LazyMigrate.AspNetCore", "LazyMigrate.Cli" };

    [Theory]
    [MemberData(nameof(PackageIds))]
    public void Every_package_has_the_shared_version_and_complete_metadata(string id)
    {
        var package = new PackageFile(_packages.PackagePath(id));

        Assert.Equal(id, package.Metadata("id"));
        Assert.Equal(_packages.Version, package.Metadata("version"));
        Assert.StartsWith(RepositoryLayout.VersionPrefix() + "-", package.Metadata("version"));
        Assert.False(string.IsNullOrWhiteSpace(package.Metadata("description")));
        Assert.Contains("lazy-loading", package.Metadata("tags") ?? string.Empty);
        var license = package.MetadataElement("license");
        Assert.NotNull(license);
        Assert.Equal("expression", license!.Attribute("type")?.Value);
        Assert.Equal("MIT", license.Value);
        Assert.Equal("README.md", package.Metadata("readme"));
        Assert.Contains("README.md", package.Entries);
        Assert.Contains("LazyMigrate", Encoding.UTF8.GetString(package.ReadEntry("README.md")));
        var repository = package.MetadataElement("repository");
        Assert.NotNull(repository);
        Assert.Equal("git", repository!.Attribute("type")?.Value);
        Assert.StartsWith("https://", repository.Attribute("url")?.Value);
    }

    [Fact]
    public void Packing_a_source_tree_without_git_metadata_succeeds_without_warnings()
    {
        // The fixture packs a copy of the sources without .git (so no remote): SourceLink must stay quiet.
        Assert.Equal(0, _packages.PackResult.ExitCode);
        Assert.DoesNotContain(_packages.PackResult.Lines, l => l.Contains(": warning ", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyzers_package_ships_the_analyzer_fix_and_generator_assemblies_as_analyzers_and_nothing_as_a_library()
    {
        var package = new PackageFile(_packages.PackagePath("LazyMigrate.Analyzers"));

        Assert.Contains("analyzers/dotnet/cs/LazyMigrate.Analyzers.dll", package.Entries);
        Assert.Contains("analyzers/dotnet/cs/LazyMigrate.CodeFixes.dll", package.Entries);
        Assert.Contains("analyzers/dotnet/cs/LazyMigrate.Generator.dll", package.Entries);
        Assert.DoesNotContain(package.Entries, e => e.StartsWith("lib/", StringComparison.Ordinal) || e.StartsWith("ref/", StringComparison.Ordinal));
        Assert.DoesNotContain(package.Entries, e => e.EndsWith("LazyMigrate.Analyzers.Package.dll", StringComparison.Ordinal));
        Assert.Contains("buildTransitive/LazyMigrate.Analyzers.props", package.Entries);
        Assert.Contains("buildTransitive/LazyMigrate.Analyzers.targets", package.Entries);
        foreach (var preset in new[] { "default", "strict", "none", "options" })
        {
            Assert.Contains($"globalconfigs/LazyMigrate.{preset}.globalconfig", package.Entries);
        }

        Assert.Equal("true", package.Metadata("developmentDependency"));
        Assert.Empty(package.Dependencies());
    }

    [Fact]
    public void Analyzer_and_generator_assemblies_target_netstandard_and_the_old_Roslyn_and_only_the_fixes_use_Workspaces()
    {
        var package = new PackageFile(_packages.PackagePath("LazyMigrate.Analyzers"));

        var analyzerReferences = AssemblyReferences(package.ReadEntry("analyzers/dotnet/cs/LazyMigrate.Analyzers.dll"));
        var fixReferences = AssemblyReferences(package.ReadEntry("analyzers/dotnet/cs/LazyMigrate.CodeFixes.dll"));
        var generatorReferences = AssemblyReferences(package.ReadEntry("analyzers/dotnet/cs/LazyMigrate.Generator.dll"));

        // netstandard2.0 and Roslyn 4.8 load in the .NET 8 SDK's compiler and in current IDEs.
        Assert.Contains("netstandard", analyzerReferences.Keys);
        Assert.Equal(new Version(4, 8, 0, 0), analyzerReferences["Microsoft.CodeAnalysis"]);
        Assert.DoesNotContain(analyzerReferences.Keys, n => n.StartsWith("Microsoft.CodeAnalysis.Workspaces", StringComparison.Ordinal));
        Assert.Contains("netstandard", fixReferences.Keys);
        Assert.True(fixReferences["Microsoft.CodeAnalysis"] <= new Version(4, 8, 0, 0));
        Assert.Contains("netstandard", generatorReferences.Keys);
        Assert.Equal(new Version(4, 8, 0, 0), generatorReferences["Microsoft.CodeAnalysis"]);
        Assert.DoesNotContain(generatorReferences.Keys, n => n.StartsWith("Microsoft.CodeAnalysis.Workspaces", StringComparison.Ordinal));
    }

    [Fact]
    public void Runtime_package_ships_the_library_and_depends_on_the_analyzers_with_every_asset()
    {
        var package = new PackageFile(_packages.PackagePath("LazyMigrate.Runtime"));

        Assert.Contains("lib/net8.0/LazyMigrate.Runtime.dll", package.Entries);
        Assert.DoesNotContain(package.Entries, e => e.Contains("LazyMigrate.Analyzers", StringComparison.Ordinal));
        var dependency = Assert.Single(package.Dependencies(), d => d.Attribute("id")?.Value == "LazyMigrate.Analyzers");
        Assert.Equal(_packages.Version, dependency.Attribute("version")?.Value);
        // The analyzers and the preset targets must flow to the runtime's consumers: no exclude of them,
        // and an include (when given) that lists them.
        var exclude = dependency.Attribute("exclude")?.Value ?? string.Empty;
        Assert.DoesNotContain("Analyzers", exclude, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Build", exclude, StringComparison.OrdinalIgnoreCase);
        var include = (dependency.Attribute("include")?.Value ?? "All").Split(',', StringSplitOptions.TrimEntries);
        Assert.True(include.Contains("All") || (include.Contains("Analyzers") && include.Contains("BuildTransitive")),
            "include=" + string.Join(",", include));
    }

    [Fact]
    public void AspNetCore_package_ships_its_library_and_depends_on_the_runtime()
    {
        var package = new PackageFile(_packages.PackagePath("LazyMigrate.AspNetCore"));

        Assert.Contains("lib/net8.0/LazyMigrate.AspNetCore.dll", package.Entries);
        Assert.DoesNotContain(package.Entries, e => e.EndsWith("LazyMigrate.Runtime.dll", StringComparison.Ordinal));
        var dependency = Assert.Single(package.Dependencies(), d => d.Attribute("id")?.Value == "LazyMigrate.Runtime");
        Assert.Equal(_packages.Version, dependency.Attribute("version")?.Value);
        Assert.DoesNotContain("Analyzers", dependency.Attribute("exclude")?.Value ?? string.Empty, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Cli_package_is_a_dotnet_tool_named_lazymigrate()
    {
        var package = new PackageFile(_packages.PackagePath("LazyMigrate.Cli"));

        Assert.Contains(package.Entries, e => e.StartsWith("tools/net10.0/any/", StringComparison.Ordinal) && e.EndsWith("/lazymigrate.dll", StringComparison.Ordinal));
        Assert.Contains("tools/net10.0/any/DotnetToolSettings.xml", package.Entries);
        var settings = System.Xml.Linq.XDocument.Load(new MemoryStream(package.ReadEntry("tools/net10.0/any/DotnetToolSettings.xml")));
        var command = Assert.Single(settings.Descendants("Command"));
        Assert.Equal("lazymigrate", command.Attribute("Name")?.Value);
        Assert.Equal("lazymigrate.dll", command.Attribute("EntryPoint")?.Value);
        Assert.Contains(package.Nuspec.Descendants(), e => e.Name.LocalName == "packageType" && e.Attribute("name")?.Value == "DotnetTool");
        Assert.DoesNotContain(package.Entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
    }

    private static Dictionary<string, Version> AssemblyReferences(byte[] image)
    {
        using var pe = new PEReader(new MemoryStream(image));
        var reader = pe.GetMetadataReader();
        var result = new Dictionary<string, Version>(StringComparer.Ordinal);
        foreach (var handle in reader.AssemblyReferences)
        {
            var reference = reader.GetAssemblyReference(handle);
            result[reader.GetString(reference.Name)] = reference.Version;
        }

        return result;
    }
}
