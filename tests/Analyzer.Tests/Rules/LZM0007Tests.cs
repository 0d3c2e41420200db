using System.Threading.Tasks;
using LazyMigrate.Analyzers.Tests.Infrastructure;

namespace LazyMigrate.Analyzers.Tests.Rules;

public sealed class LZM0007Tests
{
    [Fact]
    public Task Reports_assembly_names_the_project_does_not_reference() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using System.Collections.Generic;
            using LazyMigrate;
            [assembly: HeavyAssembly({|LZM0007:"Contoso.Missing"|})]
            static class Packages
            {
                public static readonly LazyPackage Onnx = LazyPackageRegistry.Default.Register("onnx", 2, new[] { "Microsoft.ML.OnnxRuntime", {|LZM0007:"Microsoft.ML.OnnxRuntimeX"|} });
                public static readonly LazyPackage Torch = LazyPackageRegistry.Default.Register("torch", 1, [{|LZM0007:"TorchSharp"|}]);
                public static readonly LazyPackage Cv = new LazyPackage("cv", 2, new List<string> { {|LZM0007:"OpenCvSharp"|} });
                public static readonly LazyPackage Vips = new("vips", 2, new string[] { {|LZM0007:"NetVips*"|} });
            }
            """).ValidateAsync();

    [Fact]
    public Task DoesNotReport_referenced_assemblies_prefixes_or_non_literals() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using System.Collections.Generic;
            using LazyMigrate;
            [assembly: HeavyAssembly("Microsoft.Data.Sqlite")]
            static class Packages
            {
                static readonly string[] Names = { "Nothing.Checked.Here" };
                public static readonly LazyPackage Magick = LazyPackageRegistry.Default.Register("magick", 1, new[] { "Magick.NET*" });
                public static readonly LazyPackage Onnx = new("onnx", 2, ["microsoft.ml.onnxruntime"]);
                public static readonly LazyPackage Dynamic = new("dynamic", 3, Names);
                public static readonly LazyPackage Self = new("self", 3, new[] { "TestProject" });
            }
            """).ValidateAsync();
}
