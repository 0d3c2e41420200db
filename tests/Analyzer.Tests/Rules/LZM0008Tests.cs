using System.Threading.Tasks;
using LazyMigrate.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;

namespace LazyMigrate.Analyzers.Tests.Rules;

public sealed class LZM0008Tests
{
    [Fact]
    public Task Reports_heavy_work_reachable_from_Main_with_the_call_chain() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using Microsoft.ML.OnnxRuntime;
            static class Program
            {
                static void Main() { Init(); }
                static void Init() { LoadModel(); }
                static void LoadModel()
                {
                    var session = {|#0:new InferenceSession("model.onnx")|};
                    var other = new InferenceSession("second statement: one report per method");
                }
            }
            """)
            .Expect(new DiagnosticResult(Descriptors.LZM0008HeavyWorkReachableFromStartup)
                .WithLocation(0)
                .WithArguments("InferenceSession", "Microsoft.ML.OnnxRuntime", "Program.Main → Init → LoadModel"))
            .ValidateAsync();

    [Fact]
    public Task Reports_through_constructors_other_types_and_local_functions_of_top_level_programs() =>
        AnalyzerTestBuilder.Create().AsConsoleApplication().WithSource("""
            using ImageMagick;
            var loader = new Loader();
            Prepare();
            void Prepare() => Images.Warm();
            sealed class Loader { public Loader() { {|#0:MagickNET.Initialize()|}; } }
            static class Images { public static void Warm() => Decode(); static void Decode() => {|#1:new MagickImage("a.png").Resize(2, 2)|}; }
            """)
            .Expect(new DiagnosticResult(Descriptors.LZM0008HeavyWorkReachableFromStartup).WithLocation(0)
                .WithArguments("MagickNET", "Magick.NET", "Program.Main → new Loader()"))
            .Expect(new DiagnosticResult(Descriptors.LZM0008HeavyWorkReachableFromStartup).WithLocation(1)
                .WithArguments("MagickImage", "Magick.NET", "Program.Main → Prepare → Images.Warm → Decode"))
            .ValidateAsync();

    [Fact]
    public Task Reports_constructors_of_hosted_service_dependencies_built_by_the_container() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Hosting;
            using Microsoft.ML.OnnxRuntime;
            sealed class Model { public Model(Options options) { } }
            sealed class Options { public readonly InferenceSession Session; public Options() { Session = {|#0:new InferenceSession("m")|}; } }
            sealed class Unrelated { public Unrelated() { var s = new InferenceSession("never built at startup"); } }
            sealed class Initializer : IHostedService
            {
                private readonly Model _model;
                public Initializer(Model model) { _model = model; }
                public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
                public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            }
            """)
            .Expect(new DiagnosticResult(Descriptors.LZM0008HeavyWorkReachableFromStartup)
                .WithLocation(0)
                .WithArguments("InferenceSession", "Microsoft.ML.OnnxRuntime", "new Initializer() → new Options()"))
            .ValidateAsync();

    [Fact]
    public Task DoesNotReport_unreachable_methods_lambdas_calls_after_ready_or_cycles_without_heavy_work() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using System.Threading.Tasks;
            using LazyMigrate;
            using Microsoft.ML.OnnxRuntime;
            static class Program
            {
                static void Main()
                {
                    Ping(3);
                    Task.Run(() => LoadModel());
                    LazyLoading.MarkReady();
                    Later();
                }
                static void Ping(int n) { if (n > 0) Pong(n - 1); }
                static void Pong(int n) { if (n > 0) Ping(n - 1); }
                static void Later() => LoadModel();
                static void LoadModel() => new InferenceSession("m").Run(new float[0]);
                static void Unused() => LoadModel();
            }
            """).ValidateAsync();
}
