using System;
using System.IO;

namespace LazyMigrate.Cli.Tests.Infrastructure;

/// <summary>
/// A console app in a temp folder (migrate changes its files) whose static initializer creates ONNX Runtime
/// session options before READY, though they are only used after it. After READY it prints whether ONNX Runtime
/// was already loaded: a line the migration changes, which the tests either compare or ignore.
/// </summary>
public sealed class MigrateSample : IDisposable
{
    public const string ModelsSource = """
        using Microsoft.ML.OnnxRuntime;

        namespace MigrateApp;

        internal static class Models
        {
            public static readonly string Name = "default";

            private static readonly SessionOptions s_options = new SessionOptions();

            public static string Level() => s_options.GraphOptimizationLevel.ToString();
        }

        """;

    private const string ProgramSource = """
        using System;
        using System.Linq;

        namespace MigrateApp;

        internal static class Program
        {
            private static int Main()
            {
                Console.WriteLine("models: " + Models.Name);
                Console.WriteLine("READY");
                var loaded = AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == "Microsoft.ML.OnnxRuntime");
                Console.WriteLine("onnx loaded before first use: " + loaded);
                Console.WriteLine("level: " + Models.Level());
                return 0;
            }
        }

        """;

    private readonly TempDirectory _temp = new("lzm-migrate");

    public MigrateSample()
    {
        // Its own props files keep the repository's build settings and central package versions out.
        File.WriteAllText(_temp.Combine("Directory.Build.props"), "<Project />\n");
        File.WriteAllText(_temp.Combine("Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(ProjectPath, """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.ML.OnnxRuntime" Version="1.31.1" />
              </ItemGroup>
            </Project>

            """);
        File.WriteAllText(_temp.Combine("Program.cs"), ProgramSource);
        File.WriteAllText(ModelsPath, ModelsSource);
    }

    public string Directory => _temp.Path;

    public string ProjectPath => _temp.Combine("MigrateApp.csproj");

    public string ModelsPath => _temp.Combine("Models.cs");

    /// <summary>The program as `migrate` runs it after its Release build.</summary>
    public string ReleaseDll => _temp.Combine("bin", "Release", "net10.0", "MigrateApp.dll");

    public void Dispose() => _temp.Dispose();
}
