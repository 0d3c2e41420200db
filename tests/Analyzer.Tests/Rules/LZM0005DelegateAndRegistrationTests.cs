using System.Threading.Tasks;
using LazyMigrate.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace LazyMigrate.Analyzers.Tests.Rules;

/// <summary>
/// LZM0005 on delegate types and the container's lifetime registrations: creating <c>Func&lt;…, Heavy&gt;</c>
/// or instantiating <c>AddSingleton&lt;Heavy&gt;</c> loads the heavy assembly when the startup method is
/// compiled, though nothing is built (docs/differential.md, facts 4 and 5).
/// </summary>
public sealed class LZM0005DelegateAndRegistrationTests
{
    [Fact]
    public Task Reports_a_factory_registration_whose_service_type_is_inferred_before_the_ready_point() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.ML;
            static class Program
            {
                static void Main()
                {
                    var services = new ServiceCollection();
                    services.AddSingleton(sp => new MLContext(seed: 1));
                    LazyMigrate.LazyLoading.MarkReady();
                }
            }
            """)
            .Expect(new DiagnosticResult("LZM0005", DiagnosticSeverity.Info)
                .WithSpan("/0/Test0.cs", 8, 31, 8, 59)
                .WithArguments("MLContext", "Microsoft.ML", "Program.Main", ""))
            .ValidateAsync();

    [Fact]
    public Task Reports_lifetime_registrations_that_name_a_heavy_type() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.ML.OnnxRuntime;
            interface IScorer { }
            static class Program
            {
                static void Main()
                {
                    var services = new ServiceCollection();
                    services.AddSingleton<{|LZM0005:InferenceSession|}>(sp => new InferenceSession("model.onnx"));
                    services.AddSingleton<{|LZM0005:IModel|}, OnnxModel>();
                    services.AddScoped<object>(sp => new InferenceSession("light service type"));
                    LazyMigrate.LazyLoading.MarkReady();
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task Reports_a_handler_lambda_whose_parameter_is_a_heavy_type() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using System;
            using Azure.Storage.Blobs;
            static class Program
            {
                static void Map(string pattern, Delegate handler) { }

                static void Main()
                {
                    Map("/h", {|LZM0005:(BlobServiceClient client) => client.GetBlobContainerClient("c")|});
                    Map("/light", () => new BlobServiceClient("UseDevelopmentStorage=true").GetBlobContainerClient("c"));
                    LazyMigrate.LazyLoading.MarkReady();
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task Reports_a_lambda_whose_inferred_delegate_type_returns_a_heavy_type() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using System;
            using ImageMagick;
            static class Program
            {
                static void Keep(Delegate make) { }

                static void Main()
                {
                    var make = {|LZM0005:() => new MagickImage("logo.png")|};
                    Keep(make);
                    Func<object> light = () => new MagickImage("logo.png");
                    Keep(light);
                    LazyMigrate.LazyLoading.MarkReady();
                }
            }
            """).ValidateAsync();
}
