using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using LazyMigrate.Cli.Tests.Infrastructure;

namespace LazyMigrate.Cli.Tests;

/// <summary>Solutions that `dotnet build` handles must load: warnings, other languages, unusual output folders.</summary>
[Collection(CliCollection.Name)]
public sealed class LoadingTests
{
    [Fact]
    public async Task Warnings_raised_while_loading_are_shown_once_each_and_do_not_stop_the_scan()
    {
        using var solution = new MultiProjectSolution();
        // NU1603: 8.0.999 was never published, so restore takes the next version (9.0.0). The Warning task runs in
        // the design-time build that loading performs.
        var project = solution.AddCSharpProject("App", MultiProjectSolution.HeavyStaticFieldSource("App"), """
              <ItemGroup>
                <PackageReference Include="Microsoft.Extensions.DependencyModel" Version="8.0.999" />
              </ItemGroup>
              <Target Name="WarnWhileLoading" BeforeTargets="CoreCompile">
                <Warning Code="LZMTEST1" Text="a warning raised by a target that runs at design time" />
              </Target>
            """);
        solution.WriteSolution();
        await solution.RestoreAsync(project);

        var result = await CliRunner.RunAsync(solution.Root, "scan", solution.SolutionPath);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("LZM0001", result.Out);
        Assert.Equal(1, Count(result.Err, "a warning raised by a target that runs at design time"));
        Assert.Equal(1, Count(result.Err, "Microsoft.Extensions.DependencyModel 8.0.999 was not found"));
    }

    [Fact]
    public async Task Project_that_cannot_be_loaded_is_skipped_with_its_reason_and_the_others_are_analyzed()
    {
        using var solution = new MultiProjectSolution();
        var app = solution.AddCSharpProject("App", MultiProjectSolution.HeavyStaticFieldSource("App"));
        var broken = solution.AddCSharpProject("Broken", "namespace Broken;\npublic static class Empty { }\n", """
              <PropertyGroup>
                <Stamp>$([System.IO.File]::ReadAllText("/nonexistent/lazymigrate-stamp.txt"))</Stamp>
              </PropertyGroup>
            """);
        solution.WriteSolution();
        await solution.RestoreAsync(app);

        var result = await CliRunner.RunAsync(solution.Root, "scan", solution.SolutionPath, "--format", "json");

        // The report covers the rest; the project that could not be loaded makes it an error.
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("\"LZM0001\"", result.Out);
        var skippedLine = Assert.Single(result.Err.Split('\n'), l => l.Contains("Broken.csproj", StringComparison.Ordinal) && l.Contains("skipped", StringComparison.Ordinal));
        Assert.Contains("lazymigrate-stamp.txt", skippedLine);
        Assert.Contains("Broken.csproj", result.Out);
        Assert.True(File.Exists(broken));
    }

    [Fact]
    public async Task Fix_writes_the_projects_that_load_and_then_exits_2_naming_the_one_that_could_not()
    {
        using var solution = new MultiProjectSolution();
        var app = solution.AddCSharpProject("App", MultiProjectSolution.HeavyStaticFieldSource("App"));
        solution.AddCSharpProject("Broken", "namespace Broken;\npublic static class Empty { }\n", """
              <PropertyGroup>
                <Stamp>$([System.IO.File]::ReadAllText("/nonexistent/lazymigrate-stamp.txt"))</Stamp>
              </PropertyGroup>
            """);
        solution.WriteSolution();
        await solution.RestoreAsync(app);
        var appSource = Path.Combine(solution.Root, "App", "App.cs");
        var before = File.ReadAllText(appSource);

        var result = await CliRunner.RunAsync(solution.Root, "fix", solution.SolutionPath);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.NotEqual(before, File.ReadAllText(appSource));
        Assert.Contains("LZM0001", result.Out);
        Assert.Contains("could not be loaded", result.Err);
        Assert.Contains("Broken/Broken.csproj", result.Err);
    }

    [Fact]
    public async Task Projects_in_other_languages_are_skipped_with_one_line_each_and_csharp_references_still_resolve()
    {
        using var solution = new MultiProjectSolution();
        var lib = solution.AddCSharpProject("Lib", MultiProjectSolution.HeavyStaticFieldSource("Lib"));
        var app = solution.AddCSharpProject("App", "namespace App;\npublic static class Program\n{\n    public static string Model() => Lib.Services.Session.Path;\n}\n", "", "Lib");
        solution.AddProjectFile(MultiProjectSolution.DockerComposeTypeGuid, "docker-compose", "docker-compose.dcproj", """
            <?xml version="1.0" encoding="utf-8"?>
            <Project ToolsVersion="15.0" Sdk="Microsoft.Docker.Sdk">
              <PropertyGroup>
                <ProjectVersion>2.1</ProjectVersion>
                <DockerTargetOS>Linux</DockerTargetOS>
              </PropertyGroup>
            </Project>
            """);
        solution.AddProjectFile(MultiProjectSolution.FSharpTypeGuid, "Tools", "Tools/Tools.fsproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n</Project>\n");
        solution.AddProjectFile(MultiProjectSolution.SharedProjectTypeGuid, "Shared", "Shared/Shared.shproj", "<Project>\n</Project>\n");
        solution.AddProjectFile(MultiProjectSolution.SqlProjectTypeGuid, "Database", "Database/Database.sqlproj", "<Project>\n</Project>\n");
        solution.WriteSolution();
        await solution.RestoreAsync(app);

        var result = await CliRunner.RunAsync(solution.Root, "scan", solution.SolutionPath);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("Lib/Lib.cs:17:", result.Out);
        foreach (var other in new[] { "docker-compose.dcproj", "Tools.fsproj", "Shared.shproj", "Database.sqlproj" })
        {
            Assert.Equal(1, Count(result.Err, other));
        }

        // Each C# project loaded once (App's reference to Lib reuses Lib), and App compiles against Lib.
        Assert.Contains("Analyzing App (1/2)", result.Err);
        Assert.Contains("Analyzing Lib (2/2)", result.Err);
        Assert.DoesNotContain("compile error", result.Err);
        Assert.True(File.Exists(lib));
    }

    [Fact]
    public async Task Artifacts_output_project_is_restored_by_the_restore_option_and_then_recognised_as_restored()
    {
        using var solution = new MultiProjectSolution("<Project>\n  <PropertyGroup>\n    <UseArtifactsOutput>true</UseArtifactsOutput>\n  </PropertyGroup>\n</Project>\n");
        solution.AddCSharpProject("App", MultiProjectSolution.HeavyStaticFieldSource("App"));
        solution.WriteSolution();

        var unrestored = await CliRunner.RunAsync(solution.Root, "scan", solution.SolutionPath);
        Assert.True(unrestored.ExitCode == 2, unrestored.ToString());
        Assert.Contains("not restored", unrestored.Err);
        Assert.Contains("App.csproj", unrestored.Err);

        var restored = await CliRunner.RunAsync(solution.Root, "scan", solution.SolutionPath, "--restore");
        Assert.True(restored.ExitCode == 1, restored.ToString());
        Assert.True(File.Exists(Path.Combine(solution.Root, "artifacts", "obj", "App", "project.assets.json")), restored.ToString());
        Assert.False(Directory.Exists(Path.Combine(solution.Root, "App", "obj")), restored.ToString());

        var again = await CliRunner.RunAsync(solution.Root, "scan", solution.SolutionPath);
        Assert.True(again.ExitCode == 1, again.ToString());
        Assert.Contains("LZM0001", again.Out);
    }

    private static int Count(string text, string value) => Regex.Matches(text, Regex.Escape(value)).Count;
}
