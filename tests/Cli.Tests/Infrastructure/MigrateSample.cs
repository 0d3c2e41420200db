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
                Ready();
                var loaded = AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == "Microsoft.ML.OnnxRuntime");
                Console.WriteLine("onnx loaded before first use: " + loaded);
                Console.WriteLine("level: " + Models.Level());
                return 0;
            }

            // The ready signal (named in .editorconfig): a program without one is a job, whose work is not startup.
            private static void Ready() => Console.WriteLine("READY");
        }

        """;

    /// <summary>
    /// The program with a second heavy package, Magick.NET, built in <c>Main</c> before ready (LZM0002) beside the
    /// static initializer of <c>Models</c> (LZM0001): two rules, each explaining its own package's load.
    /// </summary>
    public const string TwoRuleProgramSource = """
        using System;
        using System.Linq;
        using ImageMagick;

        namespace MigrateApp;

        internal static class Program
        {
            private static int Main()
            {
                var image = new MagickImage();
                Console.WriteLine("models: " + Models.Name);
                Ready();
                var loaded = AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == "Microsoft.ML.OnnxRuntime");
                Console.WriteLine("onnx loaded before first use: " + loaded);
                Console.WriteLine("level: " + Models.Level());
                Console.WriteLine("image: " + image.Width + "x" + image.Height);
                return 0;
            }

            // The ready signal (named in .editorconfig), so the work above is startup and not the program's job.
            private static void Ready() => Console.WriteLine("READY");
        }

        """;

    private readonly TempDirectory _temp = new("lzm-migrate");

    public MigrateSample(bool twoRules = false)
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
            """ + (twoRules ? """
                <PackageReference Include="Magick.NET-Q8-x64" Version="15.1.0" />
            """ : string.Empty) + """
              </ItemGroup>
            </Project>

            """);
        File.WriteAllText(_temp.Combine("Program.cs"), twoRules ? TwoRuleProgramSource : ProgramSource);
        File.WriteAllText(_temp.Combine(".editorconfig"), "root = true\n\n[*.cs]\nlazymigrate.ready_methods = MigrateApp.Program.Ready\n");

        File.WriteAllText(ModelsPath, ModelsSource);
    }

    public string Directory => _temp.Path;

    public string ProjectPath => _temp.Combine("MigrateApp.csproj");

    public string ModelsPath => _temp.Combine("Models.cs");

    /// <summary>The program as `migrate` runs it after its Release build.</summary>
    public string ReleaseDll => _temp.Combine("bin", "Release", "net10.0", "MigrateApp.dll");

    public void Dispose() => _temp.Dispose();
}
