using System.Threading.Tasks;
using LazyMigrate.Analyzers.Tests.Infrastructure;

namespace LazyMigrate.Analyzers.Tests.Rules;

public sealed class LZM0005Tests
{
    [Fact]
    public Task Reports_heavy_types_named_in_Main_once_per_statement() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using System;
            using System.Collections.Generic;
            using Microsoft.ML.OnnxRuntime;
            using ImageMagick;
            static class Program
            {
                static void Main(string[] args)
                {
                    var kind = typeof({|LZM0005:InferenceSession|});
                    var sessions = new List<{|LZM0005:InferenceSession|}>();
                    {|LZM0005:MagickImage|}? image = null;
                    object boxed = args;
                    var cast = ({|LZM0005:Microsoft.ML.OnnxRuntime.SessionOptions|})boxed;
                    if (boxed is {|LZM0005:MagickImage|} m) { Console.WriteLine(m); }
                    var empty = default({|LZM0005:OrtTensorInfo|});
                    var pair = (typeof({|LZM0005:InferenceSession|}), typeof(MagickImage));
                    try { } catch ({|LZM0005:OnnxRuntimeException|}) { }
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task Reports_signatures_of_startup_methods_and_untaken_branches_after_the_cut() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Hosting;
            using Microsoft.ML.OnnxRuntime;
            sealed class Scorer : IHostedService
            {
                public Scorer({|LZM0005:InferenceSession|} session, string name) { }
                public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
                public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            }
            static class Program
            {
                static async Task Main(string[] args)
                {
                    using var host = Host.CreateDefaultBuilder(args).Build();
                    await host.RunAsync();
                    if (args.Length > 99)
                    {
                        var neverRuns = new {|LZM0005:InferenceSession|}("model.onnx");
                    }
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task DoesNotReport_nameof_light_factories_system_types_or_ordinary_methods() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using System;
            using System.Collections.Generic;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.ML.OnnxRuntime;
            static class Program
            {
                static void Main()
                {
                    var name = nameof(InferenceSession);
                    var services = new ServiceCollection();
                    services.AddSingleton<object>(sp => new InferenceSession("m"));
                    var list = new List<string>();
                    Console.WriteLine(typeof(Uri));
                }
                static Type Helper() => typeof(InferenceSession);
            }
            """).ValidateAsync();

    [Fact]
    public Task DoesNotReport_using_directives_alone() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using ImageMagick;
            using Microsoft.ML.OnnxRuntime;
            using static ImageMagick.MagickNET;
            using Session = Microsoft.ML.OnnxRuntime.InferenceSession;
            static class Program
            {
                static void Main(string[] args) => System.Console.WriteLine(args.Length);
            }
            """).ValidateAsync();

    [Fact]
    public Task Reports_an_options_builder_named_after_the_ready_cut_because_naming_it_loads_the_package() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using Microsoft.EntityFrameworkCore;
            static class Program
            {
                static void Main(string[] args)
                {
                    LazyMigrate.LazyLoading.MarkReady();
                    if (args.Length > 9) { var builder = new {|LZM0005:DbContextOptionsBuilder|}(); }
                }
            }
            """).ValidateAsync();
}
