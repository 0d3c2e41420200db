using System;
using System.IO;
using System.Threading.Tasks;

namespace LazyMigrate.Cli.Tests.Infrastructure;

/// <summary>
/// A real solution in a temp folder: one console project (no NuGet packages) with a user type
/// marked [Heavy] by an attribute declared in the project itself, so the LZM rules fire without
/// any heavy package. Its own Directory.Build.props keeps the repository's settings out.
/// </summary>
public sealed class SampleSolution : IDisposable
{
    /// <summary>The program: line numbers below are asserted by the tests, keep them in step.</summary>
    public const string ProgramSource = """
        using System;

        namespace App;

        [AttributeUsage(AttributeTargets.Class)]
        public sealed class HeavyAttribute : Attribute { }

        [Heavy]
        public sealed class ModelSession
        {
            public ModelSession(string path) { Path = path; }
            public string Path { get; }
            public string Run() => "ran " + Path;
        }

        public static class Services
        {
            public static readonly ModelSession Session = new ModelSession("model.onnx");
            public static int Counter;
        }

        public static class Startup
        {
            public static string Warm() => new ModelSession("warm").Run();
        }

        public static class Program
        {
            public static void Main(string[] args)
            {
                Services.Counter++;
                if (args.Length > 0)
                {
                    Console.WriteLine(Startup.Warm());
                }

                Console.WriteLine("counter " + Services.Counter + " " + Services.Session.Path);
                Ready();
            }

            // The app's ready point (lazymigrate.ready_methods): a program that never becomes ready has no startup path.
            public static void Ready() { }
        }

        """;

    /// <summary>Line of the static field initializer (LZM0001).</summary>
    public const int StaticFieldLine = 18;

    /// <summary>Line of the heavy construction reached from Main through Startup.Warm (LZM0008).</summary>
    public const int WarmLine = 24;

    private readonly TempDirectory _directory = new("lzm-sln");

    private SampleSolution()
    {
    }

    public string Root => _directory.Path;

    public string SolutionPath => Path.Combine(Root, "App.sln");

    public string ProjectPath => Path.Combine(Root, "App", "App.csproj");

    public string ProgramPath => Path.Combine(Root, "App", "Program.cs");

    /// <summary>Creates the files; restores unless told not to.</summary>
    public static async Task<SampleSolution> CreateAsync(bool restore = true, string? editorConfig = null, string programSource = ProgramSource)
    {
        var sample = new SampleSolution();
        var root = sample.Root;
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project>\n</Project>\n");
        File.WriteAllText(Path.Combine(root, "Directory.Packages.props"), "<Project>\n</Project>\n");
        Directory.CreateDirectory(Path.Combine(root, "App"));
        File.WriteAllText(sample.ProjectPath, """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
              </PropertyGroup>
            </Project>

            """);
        File.WriteAllText(sample.ProgramPath, programSource);
        File.WriteAllText(sample.SolutionPath, SolutionFile("App", @"App\App.csproj"));
        File.WriteAllText(Path.Combine(root, ".editorconfig"), "root = true\n\n[*.cs]\nindent_style = space\nindent_size = 4\nlazymigrate.ready_methods = App.Program.Ready\n" + (editorConfig ?? string.Empty));
        if (restore)
        {
            await sample.RestoreAsync();
        }

        return sample;
    }

    public async Task RestoreAsync()
    {
        var (code, output) = await CliRunner.ToolAsync(Root, "dotnet", "restore", SolutionPath);
        Assert.True(code == 0, "dotnet restore failed:\n" + output);
    }

    /// <summary>A classic .sln naming one C# project.</summary>
    public static string SolutionFile(string name, string relativeProjectPath) => $$"""

        Microsoft Visual Studio Solution File, Format Version 12.00
        # Visual Studio Version 17
        VisualStudioVersion = 17.0.31903.59
        MinimumVisualStudioVersion = 10.0.40219.1
        Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "{{name}}", "{{relativeProjectPath}}", "{8A1F0E55-7C2B-4C1E-9D55-2F3C61B7A001}"
        EndProject
        Global
        	GlobalSection(SolutionConfigurationPlatforms) = preSolution
        		Debug|Any CPU = Debug|Any CPU
        		Release|Any CPU = Release|Any CPU
        	EndGlobalSection
        	GlobalSection(ProjectConfigurationPlatforms) = postSolution
        		{8A1F0E55-7C2B-4C1E-9D55-2F3C61B7A001}.Debug|Any CPU.ActiveCfg = Debug|Any CPU
        		{8A1F0E55-7C2B-4C1E-9D55-2F3C61B7A001}.Debug|Any CPU.Build.0 = Debug|Any CPU
        		{8A1F0E55-7C2B-4C1E-9D55-2F3C61B7A001}.Release|Any CPU.ActiveCfg = Release|Any CPU
        		{8A1F0E55-7C2B-4C1E-9D55-2F3C61B7A001}.Release|Any CPU.Build.0 = Release|Any CPU
        	EndGlobalSection
        EndGlobal

        """;

    public void Dispose() => _directory.Dispose();
}
