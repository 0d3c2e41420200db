using System.IO;
using System.Linq;
using System.Threading.Tasks;
using LazyMigrate.Analyzers.Infrastructure;
using LazyMigrate.Analyzers.Tests.Infrastructure;
using LazyMigrate.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace LazyMigrate.Analyzers.Tests.Rules;

public sealed class LZM0002Tests
{
    [Fact]
    public Task Reports_heavy_work_in_Main_once_per_statement_at_the_outermost_expression() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using System;
            using ImageMagick;
            using Microsoft.ML.OnnxRuntime;
            static class Program
            {
                static void Main(string[] args)
                {
                    var session = {|LZM0002:new InferenceSession("model.onnx")|};
                    Console.WriteLine({|LZM0002:new InferenceSession("b")|}.Run(new float[0]));
                    var total = {|LZM0002:new MagickImage()|}.Width + new MagickImage().Width;
                    if (args.Length > 0)
                    {
                        {|LZM0002:MagickNET.Initialize()|};
                    }
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task Reports_top_level_statements_with_target_typed_new_and_aliases() =>
        AnalyzerTestBuilder.Create().AsConsoleApplication().WithSource("""
            using Microsoft.Data.Sqlite;
            using Session = Microsoft.ML.OnnxRuntime.InferenceSession;
            Session session = {|LZM0002:new("model.onnx")|};
            var connection = {|LZM0002:new SqliteConnection("Data Source=app.db")|};
            connection.Open();
            System.Console.WriteLine("ready");
            LazyMigrate.LazyLoading.MarkReady();
            """).ValidateAsync();

    [Fact]
    public Task Reports_module_initializers() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using System.Runtime.CompilerServices;
            using ImageMagick;
            static class Boot
            {
                [ModuleInitializer]
                internal static void Init() => {|LZM0002:MagickNET.Initialize()|};
            }
            """).ValidateAsync();

    [Fact]
    public Task Reports_Startup_ConfigureServices_and_Configure() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Data.Sqlite;
            using Microsoft.Extensions.DependencyInjection;
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    var connection = {|LZM0002:new SqliteConnection("x")|};
                    services.AddSingleton({|LZM0005:sp => new SqliteConnection("lazy")|});
                }

                public void Configure(IApplicationBuilder app) => {|LZM0002:ImageMagick.MagickNET.Initialize()|};
            }
            """).ValidateAsync();

    [Fact]
    public Task Reports_host_builder_configuration_lambdas() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;
            using ImageMagick;
            static class Program
            {
                static IHostBuilder CreateHostBuilder(string[] args) =>
                    Host.CreateDefaultBuilder(args)
                        .ConfigureServices((context, services) =>
                        {
                            {|LZM0002:MagickNET.Initialize()|};
                        })
                        .ConfigureAppConfiguration(config => {|LZM0002:new MagickImage()|}.Resize(1, 1))
                        .ConfigureWebHostDefaults(web => web.ConfigureServices(services => {|LZM0002:MagickNET.Initialize()|}));
            }
            """).ValidateAsync();

    [Fact]
    public Task Reports_web_application_builder_configuration() =>
        AnalyzerTestBuilder.Create().AsConsoleApplication().WithSource("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.Hosting;
            using Microsoft.ML.OnnxRuntime;
            var builder = WebApplication.CreateBuilder(args);
            builder.Host.ConfigureServices(services => {|LZM0002:InferenceSession.Create("m")|}.Run(new float[0]));
            builder.WebHost.ConfigureServices(services => {|LZM0002:ImageMagick.MagickNET.Initialize()|});
            var app = builder.Build();
            app.MapGet("/", () => new InferenceSession("per request").ModelPath);
            app.Run();
            """).ValidateAsync();

    [Fact]
    public Task Reports_hosted_service_constructor_StartAsync_and_ExecuteAsync_before_its_first_await() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using System.Threading;
            using System.Threading.Tasks;
            using ImageMagick;
            using Microsoft.Extensions.Hosting;
            using Microsoft.ML.OnnxRuntime;
            sealed class Warmup : IHostedService
            {
                private readonly InferenceSession _session;
                public Warmup() { _session = {|LZM0002:new InferenceSession("m")|}; }
                public Task StartAsync(CancellationToken cancellationToken) { {|LZM0002:MagickNET.Initialize()|}; return Task.CompletedTask; }
                public Task StopAsync(CancellationToken cancellationToken) { MagickNET.Initialize(); return Task.CompletedTask; }
            }
            sealed class Indexer : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    {|LZM0002:MagickNET.Initialize()|};
                    await Task.Delay(10, stoppingToken);
                    var image = new {|LZM0005:MagickImage|}();
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task DoesNotReport_after_the_ready_cut_where_only_the_type_name_is_left() =>
        AnalyzerTestBuilder.Create().AsConsoleApplication().WithSource("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.ML.OnnxRuntime;
            var app = WebApplication.CreateBuilder(args).Build();
            await app.RunAsync();
            var late = new {|LZM0005:InferenceSession|}("after shutdown");
            """).ValidateAsync();

    [Fact]
    public Task DoesNotReport_after_MarkReady() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using LazyMigrate;
            using ImageMagick;
            static class Program
            {
                static void Main()
                {
                    LazyLoading.MarkReady();
                    {|LZM0005:MagickNET|}.Initialize();
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task DoesNotReport_in_ordinary_methods_handlers_factories_or_background_tasks() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using System;
            using System.Threading.Tasks;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.ML.OnnxRuntime;
            class Service
            {
                private readonly InferenceSession _session = new InferenceSession("instance field");
                public float[] Handle(float[] input) => new InferenceSession("m").Run(input);
                public static void Register(IServiceCollection services) => services.AddSingleton(sp => new InferenceSession("m"));
            }
            static class Program
            {
                static void Main()
                {
                    Task.Run({|LZM0005:() => new InferenceSession("background")|});
                    Func<object> later = () => InferenceSession.Create("later");
                    void Local() => InferenceSession.Create("local");
                    var client = new System.Net.Http.HttpClient();
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task Reports_instance_field_initializers_of_a_background_service() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Hosting;
            using Microsoft.ML;
            sealed class ForecastWorker : BackgroundService
            {
                private readonly MLContext _ml = {|#0:new(seed: 7)|};
                private static readonly int s_light = 3;
                protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;
            }
            sealed class NotHosted { private readonly MLContext _ml = new(seed: 7); }
            """)
            .Expect(new DiagnosticResult(Descriptors.LZM0002HeavyWorkOnStartupPath).WithLocation(0)
                .WithArguments("MLContext", "Microsoft.ML", "created", "a field initializer of ForecastWorker (its constructor runs it)", "before the app is ready", "its constructor", ""))
            .ValidateAsync();

    [Fact]
    public Task Reports_a_heavy_object_a_project_method_hands_to_a_field_initializer_of_a_background_service() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.EntityFrameworkCore;
            using Microsoft.Extensions.Hosting;
            sealed class ReadingsDb : DbContext { }
            static class ReadingsDbFactory
            {
                public static ReadingsDb Create() => {|#1:new ReadingsDb()|};
            }
            sealed class ForecastWorker : BackgroundService
            {
                private readonly ReadingsDb _db = {|#0:ReadingsDbFactory.Create()|};
                protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;
            }
            """)
            .Expect(new DiagnosticResult(Descriptors.LZM0002HeavyWorkOnStartupPath).WithLocation(0)
                .WithArguments("ReadingsDb", "Microsoft.EntityFrameworkCore", "obtained from 'Create'", "a field initializer of ForecastWorker (its constructor runs it)", "before the app is ready", "'Create', which builds it,", ""))
            .Expect(new DiagnosticResult(Descriptors.LZM0008HeavyWorkReachableFromStartup).WithLocation(1)
                .WithArguments("ReadingsDb", "Microsoft.EntityFrameworkCore", "created", "before the app is ready", "new ForecastWorker() → ReadingsDbFactory.Create", "its constructor"))
            .ValidateAsync();

    [Fact]
    public Task Reports_lambdas_run_on_the_spot_by_a_helper_but_not_stored_callbacks() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using System;
            using System.Linq;
            using System.Threading.Tasks;
            using ImageMagick;
            using Microsoft.ML.OnnxRuntime;
            static class Program
            {
                static Action? s_onExit;

                static async Task Main()
                {
                    await Run(async () => { {|LZM0002:MagickNET.Initialize()|}; await Task.Yield(); });
                    await Task.WhenAll(new[] { "a", "b" }.Select({|LZM0005:async name => { await Task.Yield(); return {|LZM0002:new InferenceSession(name)|}; }|}));
                    OnExit(() => new InferenceSession("stored: runs at exit, if ever"));
                    _ = Task.Run({|LZM0005:() => new InferenceSession("fire and forget, on a thread-pool thread")|});
                    AppDomain.CurrentDomain.ProcessExit += (_, _) => new MagickImage();
                    LazyMigrate.LazyLoading.MarkReady();
                }

                static async Task Run(Func<Task> body) { await body(); }

                static void OnExit(Action action) => s_onExit = action;
            }
            """).ValidateAsync();

    [Theory]
    [InlineData("8.0.0.0", false)]
    [InlineData("9.0.0.0", false)]
    [InlineData("10.0.0.0", true)]
    public void ExecuteAsync_runs_in_the_background_only_from_Microsoft_Extensions_Hosting_10_on(string version, bool inBackground)
    {
        // A BackgroundService from a Hosting assembly of the given version, instead of the framework's own.
        var hosting = FakeHeavyPackages.Compile("Microsoft.Extensions.Hosting.Abstractions", $$"""
            [assembly: System.Reflection.AssemblyVersion("{{version}}")]
            namespace Microsoft.Extensions.Hosting { public abstract class BackgroundService { } }
            """);
        var references = FrameworkReferences.All
            .Where(r => !Path.GetFileName(r.Display ?? string.Empty).StartsWith("Microsoft.Extensions.Hosting", System.StringComparison.Ordinal))
            .Append(hosting);
        var compilation = CSharpCompilation.Create(
            "App",
            new[] { CSharpSyntaxTree.ParseText("sealed class Worker : Microsoft.Extensions.Hosting.BackgroundService { }") },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var backgroundService = compilation.GetTypeByMetadataName("Worker")!.BaseType!;

        Assert.Equal(inBackground, StartupPathClassifier.StartsExecuteAsyncInBackground(backgroundService));
    }

    [Fact]
    public Task Reports_a_heavy_object_a_project_method_hands_to_ExecuteAsync_before_its_first_await_once() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.EntityFrameworkCore;
            using Microsoft.Extensions.Hosting;
            sealed class CatalogDb : DbContext { }
            sealed class Catalog
            {
                public CatalogDb CreateContext() => {|#1:new CatalogDb()|};
            }
            sealed class Refresher : BackgroundService
            {
                private readonly Catalog _catalog = new Catalog();

                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        using (var db = {|#0:_catalog.CreateContext()|})
                        {
                        }

                        await Task.Delay(1000, stoppingToken);
                    }
                }
            }
            """)
            .Expect(new DiagnosticResult(Descriptors.LZM0002HeavyWorkOnStartupPath).WithLocation(0)
                .WithArguments(
                    "CatalogDb",
                    "Microsoft.EntityFrameworkCore",
                    "obtained from 'CreateContext'",
                    "Refresher.ExecuteAsync",
                    "on a background thread while the app starts (since Microsoft.Extensions.Hosting 10 the host does not wait for ExecuteAsync)",
                    "'CreateContext', which builds it,",
                    ""))
            .Expect(new DiagnosticResult(Descriptors.LZM0008HeavyWorkReachableFromStartup).WithLocation(1)
                .WithArguments(
                    "CatalogDb",
                    "Microsoft.EntityFrameworkCore",
                    "created",
                    "on a background thread while the app starts (since Microsoft.Extensions.Hosting 10 the host does not wait for ExecuteAsync)",
                    "Refresher.ExecuteAsync → Catalog.CreateContext",
                    "its constructor"))
            .ValidateAsync();

    [Fact]
    public Task DoesNotReport_building_options_with_an_options_builder_but_reports_the_context() =>
        // Building the options runs nothing of EF Core; naming their types still loads its assembly (LZM0005).
        AnalyzerTestBuilder.Create().WithSource("""
            using Microsoft.EntityFrameworkCore;
            sealed class AppDb : DbContext { public AppDb(DbContextOptions options) : base(options) { } }
            static class Program
            {
                static void Main()
                {
                    var builder = new {|LZM0005:DbContextOptionsBuilder|}().UseSqlite("Data Source=app.db");
                    var options = new {|LZM0005:DbContextOptions|}();
                    using var db = {|LZM0002:new AppDb(options)|};
                    db.SaveChanges();
                }
            }
            """).ValidateAsync();
}
