using System.Text.RegularExpressions;
using System.Threading.Tasks;
using LazyMigrate.Analyzers.Tests.Infrastructure;
using LazyMigrate.Tests.Shared;
using Microsoft.CodeAnalysis;

namespace LazyMigrate.Analyzers.Tests.Configuration;

/// <summary>
/// Test projects have no startup path: the startup rules skip them (docs/configuration.md, "Test projects").
/// Each case runs the same source as an app (the control, where every rule reports) and as a test project.
/// </summary>
public sealed class TestProjectTests
{
    // A static initializer (LZM0001), heavy work in Main (LZM0002), a helper Main calls (LZM0008),
    // a heavy type named after the ready cut (LZM0005) and a heavy singleton instance (LZM0003).
    private const string AppLikeCode = """
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.ML.OnnxRuntime;
        static class Models
        {
            public static readonly InferenceSession Shared = {|LZM0001:new InferenceSession("shared.onnx")|};
        }
        static class Program
        {
            static void Main(string[] args)
            {
                var session = {|LZM0002:new InferenceSession("model.onnx")|};
                var services = new ServiceCollection();
                services.AddSingleton({|LZM0003:new InferenceSession("singleton.onnx")|});
                Warm();
                LazyMigrate.LazyLoading.MarkReady();
                if (args.Length > 9) { var late = new {|LZM0005:InferenceSession|}("late.onnx"); }
            }
            static void Warm() { var warm = {|LZM0008:new InferenceSession("warm.onnx")|}; }
        }
        """;

    private static readonly MetadataReference s_xunit = FakeHeavyPackages.Compile("xunit.core", "namespace Xunit { public sealed class FactAttribute : System.Attribute { } }");

    private static string WithoutMarkup(string source) => Regex.Replace(source, @"\{\|LZM\d{4}:|\|\}", string.Empty);

    [Fact]
    public Task Reports_in_a_project_whose_IsTestProject_is_false() =>
        AnalyzerTestBuilder.Create().WithGlobalConfig("build_property.IsTestProject = false").WithSource(AppLikeCode).ValidateAsync();

    [Fact]
    public Task DoesNotReport_in_a_project_whose_IsTestProject_is_true() =>
        AnalyzerTestBuilder.Create().WithGlobalConfig("build_property.IsTestProject = true").WithSource(WithoutMarkup(AppLikeCode)).ValidateAsync();

    [Fact]
    public Task DoesNotReport_in_a_project_that_references_a_test_framework_when_the_property_is_not_visible() =>
        AnalyzerTestBuilder.Create().WithReference(s_xunit).WithSource(WithoutMarkup(AppLikeCode)).ValidateAsync();

    [Fact]
    public Task Reports_in_a_project_that_references_a_test_framework_but_sets_IsTestProject_false() =>
        AnalyzerTestBuilder.Create().WithReference(s_xunit).WithGlobalConfig("build_property.IsTestProject = false").WithSource(AppLikeCode).ValidateAsync();
}
