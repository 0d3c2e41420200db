using System.Threading.Tasks;
using LazyMigrate.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace LazyMigrate.Analyzers.Tests.Rules;

/// <summary>
/// LZM0001 in an application: a type initializer runs when its class is first used, so a heavy static
/// initializer is reported only when the startup path (before ready) uses its class, directly, through
/// project calls, or through what the container builds (docs/differential.md, fact 6).
/// </summary>
public sealed class LZM0001StartupReachTests
{
    private const string Registry = """
        using Microsoft.ML.OnnxRuntime;
        public static class Registry
        {
            public static readonly string Name = "registry";
            public static readonly SessionOptions Value = new SessionOptions();
        }
        """;

    private static DiagnosticResult RegistryValue() =>
        new DiagnosticResult("LZM0001", DiagnosticSeverity.Warning)
            .WithSpan("/0/Test0.cs", 5, 51, 5, 71)
            .WithArguments("SessionOptions", "Microsoft.ML.OnnxRuntime", "created by a static field initializer", "Registry");

    [Fact]
    public Task Reports_a_class_whose_cheap_static_Main_reads_before_ready() =>
        AnalyzerTestBuilder.Create().AsConsoleApplication().WithSource(Registry).WithSource("""
            using System;
            static class Program
            {
                static void Main()
                {
                    Console.WriteLine(Registry.Name);
                    LazyMigrate.LazyLoading.MarkReady();
                }
            }
            """)
            .Expect(RegistryValue())
            .ValidateAsync();

    [Fact]
    public Task DoesNotReport_a_class_used_only_after_ready() =>
        AnalyzerTestBuilder.Create().AsConsoleApplication().WithSource(Registry).WithSource("""
            using System;
            using System.Runtime.CompilerServices;
            static class Program
            {
                static void Main()
                {
                    Console.WriteLine("START");
                    LazyMigrate.LazyLoading.MarkReady();
                    Use();
                }

                [MethodImpl(MethodImplOptions.NoInlining)]
                static void Use() => Console.WriteLine(Registry.Value.LogVerbosityLevel);
            }
            """).ValidateAsync();

    [Fact]
    public Task Reports_a_class_a_startup_call_chain_uses_but_not_one_only_an_uncalled_method_uses() =>
        AnalyzerTestBuilder.Create().AsConsoleApplication().WithSource(Registry).WithSource("""
            using System;
            using Microsoft.ML;
            static class Setup
            {
                public static void Init() => Console.WriteLine(Describe());
                private static string Describe() => Registry.Name;
            }

            static class ModelBuilder
            {
                private static readonly MLContext Context = new MLContext(seed: 1);
                public static void CreateModel() => Console.WriteLine(Context.Data);
            }

            static class Program
            {
                static void Main()
                {
                    Setup.Init();
                    // ModelBuilder.CreateModel();
                    LazyMigrate.LazyLoading.MarkReady();
                }
            }
            """)
            .Expect(RegistryValue())
            .ValidateAsync();

    [Fact]
    public Task Reports_a_class_a_hosted_service_built_at_startup_uses_in_its_constructor() =>
        AnalyzerTestBuilder.Create().AsConsoleApplication().WithSource(Registry).WithSource("""
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;
            sealed class Worker : IHostedService
            {
                private readonly string _name;
                public Worker() { _name = Registry.Name; }
                public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
                public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            }

            static class Program
            {
                static void Main()
                {
                    var services = new ServiceCollection();
                    services.AddHostedService<Worker>();
                }
            }
            """)
            .Expect(RegistryValue())
            .ValidateAsync();

    [Fact]
    public Task Reports_a_stored_delegate_whose_type_names_a_heavy_type_with_what_it_costs() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using System;
            using Microsoft.ML.OnnxRuntime;
            static class Registry
            {
                public static readonly Func<SessionOptions> Make = () => new SessionOptions();
                public static readonly Func<InferenceSession> Open;
                public static readonly Func<object> Light = () => new SessionOptions();
                public static readonly Lazy<InferenceSession> Documented = new(() => new InferenceSession("m"));

                static Registry()
                {
                    Open = {|LZM0001:delegate { return new InferenceSession("m"); }|};
                    Func<SessionOptions> local = () => new SessionOptions();
                }
            }
            """)
            .Expect(new DiagnosticResult("LZM0001", DiagnosticSeverity.Warning)
                .WithSpan("/0/Test0.cs", 5, 56, 5, 82)
                .WithArguments(
                    "SessionOptions",
                    "Microsoft.ML.OnnxRuntime",
                    "named by the delegate type 'Func<SessionOptions>' of a static field initializer (nothing is built until the delegate is called, but compiling the type initializer loads the package's assembly)",
                    "Registry"))
            .ValidateAsync();

    [Fact]
    public Task Reports_a_class_a_one_shot_console_uses_but_not_one_it_never_calls_into() =>
        AnalyzerTestBuilder.Create().AsConsoleApplication().WithSource(Registry).WithSource("""
            using System;
            using Microsoft.ML;
            static class ModelBuilder
            {
                private static readonly MLContext Context = new MLContext(seed: 1);
                public static void CreateModel() => Console.WriteLine(Context.Data);
            }

            static class Program
            {
                static void Main() => Console.WriteLine(Registry.Name);
            }
            """)
            .Expect(RegistryValue())
            .ValidateAsync();
}
