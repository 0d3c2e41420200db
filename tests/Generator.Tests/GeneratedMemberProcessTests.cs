using System;
using System.Diagnostics;
using System.IO;
using System.Reflection;
using LazyMigrate.Tests.Shared;

namespace LazyMigrate.Generator.Tests;

/// <summary>
/// Generated members in a real app over real heavy packages (tests/Generator.TestApp, built with this
/// project by the generator as a consumer's build runs it), in a child process so what loads is the
/// app's own doing: touching the declaring class loads nothing of the packages, the first read loads
/// and builds once, 64 threads reading at once build once.
/// </summary>
public sealed class GeneratedMemberProcessTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Touching_the_declaring_class_loads_nothing_and_the_first_read_builds_once(bool fullyOptimizingJit)
    {
        // With tiered compilation, and with every method compiled fully optimized at once.
        var output = Run("first-read", fullyOptimizingJit);
        Assert.True(output.ExitCode == 0, output.ToString());

        // The class's static constructor ran (its cheap static was read) and created both lazy values.
        Assert.Equal("45", output.Value("CHEAP"));
        var before = output.Values("BEFORE-ASM");
        Assert.Contains("LazyMigrate.Runtime", before);
        Assert.DoesNotContain("SixLabors.ImageSharp", before);
        Assert.DoesNotContain("Microsoft.ML.OnnxRuntime", before);
        Assert.DoesNotContain("libonnxruntime.so", output.Values("BEFORE-SO"));
        Assert.Equal("0,0", output.Value("BUILDS-BEFORE"));

        // The first read loads ImageSharp only; two reads return one instance.
        Assert.Equal("Image`1 64x48|True", output.Value("VALUE-BLANK"));
        Assert.Contains("SixLabors.ImageSharp", output.Values("AFTER-BLANK-ASM"));
        Assert.DoesNotContain("Microsoft.ML.OnnxRuntime", output.Values("AFTER-BLANK-ASM"));

        // The package of Onnx came from the catalog (the assembly of SessionOptions); its native library loads on first read.
        Assert.Equal("SessionOptions|True", output.Value("VALUE-ONNX"));
        Assert.Contains("libonnxruntime.so", output.Values("AFTER-ONNX-SO"));
        Assert.Equal("1,1", output.Value("BUILDS-AFTER"));

        // Declaration and first-use sites name the user's property line, not the generated file.
        var status = output.Values("STATUS");
        Assert.Contains(status, s => s.StartsWith("SixLabors.ImageSharp|", StringComparison.Ordinal)
            && s.Contains("Images.cs:23 (Blank)", StringComparison.Ordinal) && s.EndsWith("Images.get_Blank in " + ImagesFile + ":23", StringComparison.Ordinal));
        Assert.Contains(status, s => s.StartsWith("Microsoft.ML.OnnxRuntime|", StringComparison.Ordinal)
            && s.Contains("Images.cs:27 (Onnx)", StringComparison.Ordinal));
    }

    [Fact]
    public void Sixty_four_threads_reading_at_once_build_the_value_once()
    {
        var output = Run("contention");
        Assert.True(output.ExitCode == 0, output.ToString());

        Assert.Equal("1", output.Value("BUILDS"));
        Assert.Equal("1", output.Value("DISTINCT"));
        Assert.Equal("0", output.Value("NULLS"));
    }

    [Fact]
    public void Task_and_instance_properties_load_nothing_before_the_first_read_and_build_once_under_contention()
    {
        var output = Run("other-shapes");
        Assert.True(output.ExitCode == 0, output.ToString());

        Assert.Equal("46", output.Value("CHEAP"));
        Assert.DoesNotContain("Microsoft.ML.OnnxRuntime", output.Values("BEFORE-ASM"));

        // 64 concurrent reads of the cold Task<T> property: one build, one value; once built, the same task.
        Assert.Equal("SessionOptions|distinct=1|sametask=True", output.Value("ASYNC"));
        Assert.Equal("1", output.Value("ASYNC-BUILDS"));

        // Two instances read by 32 threads each: one value per instance, built by its own instance factory.
        Assert.Equal("distinct=2|threads=1,2", output.Value("INSTANCE"));
        Assert.Equal("2", output.Value("INSTANCE-BUILDS"));
    }

    private static string ImagesFile => Path.Combine(RepositoryPaths.Root, "tests", "Generator.TestApp", "Images.cs");

    private static ChildProcessOutput Run(string mode, bool fullyOptimizingJit = false)
    {
        var configuration = typeof(GeneratedMemberProcessTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var app = Path.Combine(RepositoryPaths.Root, "tests", "Generator.TestApp", "bin", configuration, "net10.0", "LazyMigrate.Generator.TestApp.dll");
        Assert.True(File.Exists(app), $"The child test app was not built: {app}. Build tests/Generator.Tests in {configuration} first.");
        var start = new ProcessStartInfo("dotnet");
        start.ArgumentList.Add(app);
        start.ArgumentList.Add(mode);
        start.Environment.Remove(LazyLoading.EagerEnvironmentVariable);
        start.Environment.Remove("DOTNET_STARTUP_HOOKS");
        if (fullyOptimizingJit)
        {
            start.Environment["DOTNET_TieredCompilation"] = "0";
        }

        return ChildProcess.Run(start, TimeSpan.FromMinutes(2));
    }
}
