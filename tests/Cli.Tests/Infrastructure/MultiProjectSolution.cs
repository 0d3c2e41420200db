using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace LazyMigrate.Cli.Tests.Infrastructure;

/// <summary>
/// A real solution of several projects in a temp folder, written project by project: C# projects
/// (SDK style, net10.0, no packages unless given) and files of other project types that only need
/// to exist (a Docker Compose .dcproj, an F# .fsproj, ...). Keeps the repository's settings out
/// with its own Directory.Build.props.
/// </summary>
public sealed class MultiProjectSolution : IDisposable
{
    public const string CSharpTypeGuid = "9A19103F-16F7-4668-BE54-9A1E7A4F7556";
    public const string DockerComposeTypeGuid = "E53339B2-1760-4266-BCC7-CA923CBCF16C";
    public const string FSharpTypeGuid = "6EC3EE1D-3C4E-46DD-8F32-0CC8E7565705";
    public const string SharedProjectTypeGuid = "D954291E-2A0B-460D-934E-DC6B0785DB48";
    public const string SqlProjectTypeGuid = "00D1A9C2-B5F0-4AF3-8072-F6C62B433612";

    /// <summary>A type marked [Heavy] and a static field that builds it: one LZM0001 finding.</summary>
    public static string HeavyStaticFieldSource(string ns) => $$"""
        using System;

        namespace {{ns}};

        [AttributeUsage(AttributeTargets.Class)]
        public sealed class HeavyAttribute : Attribute { }

        [Heavy]
        public sealed class ModelSession
        {
            public ModelSession(string path) { Path = path; }
            public string Path { get; }
        }

        public static class Services
        {
            public static readonly ModelSession Session = new ModelSession("model.onnx");
        }

        """;

    private readonly TempDirectory _directory = new("lzm-multi");
    private readonly List<(string TypeGuid, string Name, string RelativePath, string Guid)> _projects = new();

    public MultiProjectSolution(string directoryBuildProps = "<Project>\n</Project>\n")
    {
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), directoryBuildProps);
        File.WriteAllText(Path.Combine(Root, "Directory.Packages.props"), "<Project>\n</Project>\n");
    }

    public string Root => _directory.Path;

    public string SolutionPath => Path.Combine(Root, "App.sln");

    /// <summary>Adds a C# project <c>name/name.csproj</c> with one source file.</summary>
    public string AddCSharpProject(string name, string source, string extraProjectXml = "", params string[] projectReferences)
    {
        var references = string.Concat(projectReferences.Select(r => $"    <ProjectReference Include=\"..\\{r}\\{r}.csproj\" />\n"));
        var content = $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
            {references}  </ItemGroup>
            {extraProjectXml}
            </Project>

            """;
        var path = AddProjectFile(CSharpTypeGuid, name, $"{name}/{name}.csproj", content);
        File.WriteAllText(Path.Combine(Root, name, name + ".cs"), source);
        return path;
    }

    /// <summary>Adds a project file of any type, with the given content, to the solution.</summary>
    public string AddProjectFile(string typeGuid, string name, string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        _projects.Add((typeGuid, name, relativePath, Guid.NewGuid().ToString("D").ToUpperInvariant()));
        return path;
    }

    /// <summary>Writes App.sln naming every project added so far (Windows separators, as Visual Studio writes them).</summary>
    public void WriteSolution()
    {
        var text = new StringBuilder();
        text.Append("\nMicrosoft Visual Studio Solution File, Format Version 12.00\n# Visual Studio Version 17\nVisualStudioVersion = 17.0.31903.59\nMinimumVisualStudioVersion = 10.0.40219.1\n");
        foreach (var (typeGuid, name, relativePath, guid) in _projects)
        {
            text.Append($"Project(\"{{{typeGuid}}}\") = \"{name}\", \"{relativePath.Replace('/', '\\')}\", \"{{{guid}}}\"\nEndProject\n");
        }

        text.Append("Global\n\tGlobalSection(SolutionConfigurationPlatforms) = preSolution\n\t\tDebug|Any CPU = Debug|Any CPU\n\tEndGlobalSection\n");
        text.Append("\tGlobalSection(ProjectConfigurationPlatforms) = postSolution\n");
        foreach (var (_, _, _, guid) in _projects)
        {
            text.Append($"\t\t{{{guid}}}.Debug|Any CPU.ActiveCfg = Debug|Any CPU\n\t\t{{{guid}}}.Debug|Any CPU.Build.0 = Debug|Any CPU\n");
        }

        text.Append("\tEndGlobalSection\nEndGlobal\n");
        File.WriteAllText(SolutionPath, text.ToString());
    }

    /// <summary>Restores one project (the solution may hold projects `dotnet restore` cannot handle).</summary>
    public async Task RestoreAsync(string projectPath)
    {
        var (code, output) = await CliRunner.ToolAsync(Root, "dotnet", "restore", projectPath);
        Assert.True(code == 0, "dotnet restore failed:\n" + output);
    }

    public void Dispose() => _directory.Dispose();
}
