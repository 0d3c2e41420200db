using System;
using System.Threading.Tasks;
using LazyMigrate.Analyzers.Tests.Infrastructure;
using LazyMigrate.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace LazyMigrate.Analyzers.Tests.Rules;

public sealed class LZM0008Tests
{
    // A look-alike of CommandLineParser's API: the callbacks run before WithParsed(Async) returns.
    private static readonly Lazy<MetadataReference> s_commandLine = new(() => FakeHeavyPackages.Compile("CommandLine", """
        using System;
        using System.Threading.Tasks;
        namespace CommandLine
        {
            public abstract class ParserResult<T> { }
            public sealed class Parser
            {
                public static Parser Default { get; } = new Parser();
                public ParserResult<T> ParseArguments<T>(string[] args) => null!;
            }
            public static class ParserResultExtensions
            {
                public static ParserResult<T> WithParsed<T>(this ParserResult<T> result, Action<T> action) => result;
                public static Task<ParserResult<T>> WithParsedAsync<T>(this ParserResult<T> result, Func<T, Task> action) => Task.FromResult(result);
            }
        }
        """));

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
                .WithArguments("InferenceSession", "Microsoft.ML.OnnxRuntime", "created", "before the app is ready", "Program.Main → Init → LoadModel", "its constructor"))
            .ValidateAsync();

    [Fact]
    public Task Reports_through_constructors_other_types_and_local_functions_of_top_level_programs() =>
        AnalyzerTestBuilder.Create().AsConsoleApplication().WithSource("""
            using ImageMagick;
            var loader = new Loader();
            Prepare();
            LazyMigrate.LazyLoading.MarkReady();
            void Prepare() => Images.Warm();
            sealed class Loader { public Loader() { {|#0:MagickNET.Initialize()|}; } }
            static class Images { public static void Warm() => Decode(); static void Decode() => {|#1:new MagickImage("a.png")|}.Resize(2, 2); }
            """)
            .Expect(new DiagnosticResult(Descriptors.LZM0008HeavyWorkReachableFromStartup).WithLocation(0)
                .WithArguments("MagickNET", "Magick.NET", "used through static member 'Initialize'", "before the app is ready", "Program.Main → new Loader()", "'Initialize'"))
            .Expect(new DiagnosticResult(Descriptors.LZM0008HeavyWorkReachableFromStartup).WithLocation(1)
                .WithArguments("MagickImage", "Magick.NET", "created", "before the app is ready", "Program.Main → Prepare → Images.Warm → Decode", "its constructor"))
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
                .WithArguments("InferenceSession", "Microsoft.ML.OnnxRuntime", "created", "before the app is ready", "new Initializer() → new Model() → new Options()", "its constructor"))
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

    [Fact]
    public Task Reports_the_constructor_of_a_light_service_resolved_at_startup_through_its_registration_and_dependencies() =>
        AnalyzerTestBuilder.Create().WithReference(FakeHeavyPackages.LibGit2Sharp).WithSource("""
            using LibGit2Sharp;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            interface IHistory { }
            sealed class History : IHistory { private readonly RepositoryHolder _holder; public History(RepositoryHolder holder) { _holder = holder; } }
            sealed class RepositoryHolder { private readonly Repository _repository = {|#0:new Repository(".")|}; }
            interface ISearch { }
            sealed class Search : ISearch { public Search(Repository repository) { } }
            interface IUnused { }
            sealed class Unused : IUnused { public Unused() { var r = new Repository("registered, never resolved at startup"); } }
            interface ILater { }
            sealed class Later : ILater { public Later(Repository repository) { } }
            static class Program
            {
                static void Main(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    builder.Services.AddSingleton<IHistory, History>();
                    builder.Services.AddSingleton<ISearch>(sp => new Search({|#1:new Repository("search")|}));
                    builder.Services.AddSingleton<ILater>(sp => new Later(new Repository("factory never resolved at startup")));
                    builder.Services.AddSingleton<IUnused, Unused>();
                    builder.Services.AddSingleton<RepositoryHolder>();
                    var app = builder.Build();
                    var history = app.Services.GetRequiredService<IHistory>();
                    var search = app.Services.GetService(typeof(ISearch));
                    app.Run();
                }
            }
            """)
            .Expect(new DiagnosticResult(Descriptors.LZM0008HeavyWorkReachableFromStartup).WithLocation(0)
                .WithArguments("Repository", "LibGit2Sharp", "created", "before the app is ready", "Program.Main → new History() → new RepositoryHolder()", "its constructor"))
            .Expect(new DiagnosticResult(Descriptors.LZM0008HeavyWorkReachableFromStartup).WithLocation(1)
                .WithArguments("Repository", "LibGit2Sharp", "created", "before the app is ready", "Program.Main → factory of ISearch", "its constructor"))
            .ValidateAsync();

    [Fact]
    public Task Reports_hosted_services_dependencies_and_their_field_initializers_through_registrations() =>
        AnalyzerTestBuilder.Create().WithReference(FakeHeavyPackages.LibGit2Sharp).AsConsoleApplication().WithSource("""
            using System.Threading;
            using System.Threading.Tasks;
            using LibGit2Sharp;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;
            var builder = Host.CreateApplicationBuilder(args);
            builder.Services.AddSingleton<IStore, GitStore>();
            builder.Services.AddHostedService<Indexer>();
            builder.Build().Run();
            interface IStore { }
            sealed class GitStore : IStore { public string Head { get; } = {|#0:new Repository(".")|}.Head; }
            sealed class Indexer : BackgroundService
            {
                private readonly Helper _helper = new Helper();
                public Indexer(IStore store) { }
                protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;
            }
            sealed class Helper { public Helper() { {|#1:new Repository("helper")|}.Dispose(); } }
            """)
            .Expect(new DiagnosticResult(Descriptors.LZM0008HeavyWorkReachableFromStartup).WithLocation(0)
                .WithArguments("Repository", "LibGit2Sharp", "created", "before the app is ready", "new Indexer() → new GitStore()", "its constructor"))
            .Expect(new DiagnosticResult(Descriptors.LZM0008HeavyWorkReachableFromStartup).WithLocation(1)
                .WithArguments("Repository", "LibGit2Sharp", "created", "before the app is ready", "new Indexer() → new Helper()", "its constructor"))
            .ValidateAsync();

    [Fact]
    public Task Reports_startup_entered_through_a_command_line_parser_lambda_up_to_the_ready_call_of_the_method_it_calls() =>
        AnalyzerTestBuilder.Create().WithReference(s_commandLine.Value).WithSource("""
            using System.Threading.Tasks;
            using CommandLine;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.ML.OnnxRuntime;
            sealed class Options { public string Model { get; set; } = ""; }
            static class Program
            {
                static async Task Main(string[] args) =>
                    await Parser.Default.ParseArguments<Options>(args).WithParsedAsync(o => Startup(o));

                static async Task Startup(Options options)
                {
                    var scorer = new Scorer(options.Model);
                    var app = WebApplication.CreateBuilder().Build();
                    await app.RunAsync();
                    Later();
                }

                static void Later() => new InferenceSession("after the app ran: not startup").Run(new float[0]);
            }
            sealed class Scorer { public Scorer(string path) { Session = {|#0:new InferenceSession(path)|}; } public InferenceSession Session { get; } }
            """)
            .Expect(new DiagnosticResult(Descriptors.LZM0008HeavyWorkReachableFromStartup).WithLocation(0)
                .WithArguments("InferenceSession", "Microsoft.ML.OnnxRuntime", "created", "before the app is ready", "WithParsedAsync lambda in Program.Main → Startup → new Scorer()", "its constructor"))
            .ValidateAsync();

    [Fact]
    public Task Reports_heavy_work_in_another_project_of_the_solution_at_the_call_into_it() =>
        AnalyzerTestBuilder.Create()
            .WithReferencedProject("Data", """
                using Microsoft.Data.Sqlite;
                namespace Data
                {
                    public static class Database
                    {
                        public static void Migrate() => Open().Dispose();
                        public static void Unused() => Open().Dispose();
                        private static SqliteConnection Open() => new SqliteConnection("Data Source=app.db");
                    }
                }
                """)
            .WithSource("""
                static class Program
                {
                    static void Main()
                    {
                        {|#0:Data.Database.Migrate()|};
                        LazyMigrate.LazyLoading.MarkReady();
                        Data.Database.Unused();
                    }
                }
                """)
            .Expect(new DiagnosticResult(Descriptors.LZM0008HeavyWorkReachableFromStartup).WithLocation(0)
                .WithArguments("SqliteConnection", "Microsoft.EntityFrameworkCore", "created", "before the app is ready", "Program.Main → Database.Migrate → Open", "its constructor"))
            .ValidateAsync();

    [Fact]
    public Task DoesNotReport_property_reads_of_an_existing_heavy_object_in_a_loop() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using ImageMagick;
            static class Program
            {
                static void Main()
                {
                    var image = {|LZM0002:new MagickImage("a.png")|};
                    RunLoop(image);
                }

                static void RunLoop(MagickImage image)
                {
                    while (true)
                    {
                        Draw(image.Width);
                    }
                }

                static void Draw(int width) { }
            }
            """).ValidateAsync();

    [Fact]
    public Task DoesNotReport_the_job_of_a_program_that_never_becomes_ready() =>
        AnalyzerTestBuilder.Create().AsConsoleApplication().WithSource("""
            using Microsoft.ML;
            using Microsoft.ML.OnnxRuntime;
            var ml = new MLContext(seed: 1);
            Train(ml);
            System.Console.WriteLine("trained");
            static void Train(MLContext ml)
            {
                using var session = new InferenceSession("export.onnx");
            }
            """).ValidateAsync();

    [Fact]
    public Task DoesNotReport_calls_that_run_only_after_an_awaited_timer_in_ExecuteAsync() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using ImageMagick;
            using Microsoft.Extensions.Hosting;
            using Microsoft.ML.OnnxRuntime;
            sealed class Refresher : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    {|#0:MagickNET.Initialize()|};
                    using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
                    while (await timer.WaitForNextTickAsync(stoppingToken))
                    {
                        Refresh();
                        var image = new {|LZM0005:MagickImage|}();
                    }
                }

                private static void Refresh()
                {
                    using var session = new InferenceSession("m");
                }
            }
            """)
            .Expect(new DiagnosticResult(Descriptors.LZM0002HeavyWorkOnStartupPath).WithLocation(0)
                .WithArguments(
                    "MagickNET",
                    "Magick.NET",
                    "used through static member 'Initialize'",
                    "Refresher.ExecuteAsync",
                    "on a background thread while the app starts (since Microsoft.Extensions.Hosting 10 the host does not wait for ExecuteAsync)",
                    "'Initialize'",
                    ""))
            .ValidateAsync();

    [Fact]
    public Task Reports_a_heavy_object_once_at_its_creation_and_not_at_each_use() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using Microsoft.ML.OnnxRuntime;
            static class Program
            {
                static void Main()
                {
                    var session = {|LZM0002:new InferenceSession("m")|};
                    session.Run(new float[0]);
                    var path = session.ModelPath;
                    var scorer = new Scorer();
                    scorer.Score();
                    LazyMigrate.LazyLoading.MarkReady();
                }
            }
            sealed class Scorer
            {
                private readonly InferenceSession _session;
                public Scorer() { _session = {|#0:new InferenceSession("m")|}; }
                public void Score() { _session.Run(new float[0]); }
            }
            """)
            .Expect(new DiagnosticResult(Descriptors.LZM0008HeavyWorkReachableFromStartup).WithLocation(0)
                .WithArguments("InferenceSession", "Microsoft.ML.OnnxRuntime", "created", "before the app is ready", "Program.Main → new Scorer()", "its constructor"))
            .ValidateAsync();

    [Fact]
    public Task Reports_the_context_a_helper_creates_not_the_options_builder_before_it() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using Microsoft.EntityFrameworkCore;
            sealed class AppDb : DbContext { public AppDb(DbContextOptions options) : base(options) { } }
            static class Program
            {
                static void Main() { Open(); }
                static void Open()
                {
                    var builder = new DbContextOptionsBuilder();
                    builder.UseSqlite("Data Source=app.db");
                    using var db = {|LZM0008:new AppDb(new DbContextOptions())|};
                    db.SaveChanges();
                }
            }
            """).ValidateAsync();
}
