using System;
using System.Collections.Generic;
using System.Linq;

namespace LazyMigrate.LoadingDifferential;

/// <summary>What kind of app a program is: a console app, a generic host, or an ASP.NET Core app on 127.0.0.1.</summary>
internal enum AppKind
{
    Console,
    Host,
    Web,
}

/// <summary>
/// One way a program reaches a heavy type: where (which part of startup) and how (how the code names it).
/// Every shape is one template; <see cref="ShapeInfo.Generate"/> fills it in with a package.
/// </summary>
internal sealed record ShapeInfo(string Code, string Where, string How, AppKind Kind, Func<HeavyPackage, GeneratedProgram> Generate);

/// <summary>The sources of one generated program.</summary>
internal sealed record GeneratedProgram(AppKind Kind, string ProgramCs, string TypesCs);

internal static class Shapes
{
    private const string NoInlining = "[MethodImpl(MethodImplOptions.NoInlining)]";

    public static IReadOnlyDictionary<string, ShapeInfo> ByCode { get; } = Build().ToDictionary(s => s.Code, StringComparer.Ordinal);

    private static IEnumerable<ShapeInfo> Build()
    {
        // ---- Main (top-level statements), before the ready cut ----
        yield return new("mb-written", "Main before ready", "written type name", AppKind.Console, p => Console(p,
            before: $"{p.Type} value = {p.New};",
            after: "After.Run(value);",
            types: AfterRunObject(p)));

        yield return new("mb-var", "Main before ready", "var", AppKind.Console, p => Console(p,
            before: $"var value = {p.New};",
            after: "After.Run(value);",
            types: AfterRunObject(p)));

        yield return new("mb-generic", "Main before ready", "generic argument (empty List<T>)", AppKind.Console, p => Console(p,
            before: $"var items = new List<{p.Type}>();",
            after: "After.Fill(items);",
            types: $$"""
            public static class After
            {
                {{NoInlining}}
                public static void Fill(object items)
                {
                    var list = (List<{{p.Type}}>)items;
                    list.Add({{p.New}});
                    Console.WriteLine("USE " + {{p.Use("list[0]")}});
                }
            }
            """));

        yield return new("mb-lambda", "Main before ready", "lambda (Func<T> built, not called)", AppKind.Console, p => Console(p,
            before: $"Func<{p.Type}> make = () => {p.New};",
            after: "After.Run(make);",
            types: $$"""
            public static class After
            {
                {{NoInlining}}
                public static void Run(object make)
                {
                    var value = ((Func<{{p.Type}}>)make)();
                    Console.WriteLine("USE " + {{p.Use("value")}});
                }
            }
            """));

        yield return new("mb-async", "Main before ready", "async project method returning Task<T>", AppKind.Console, p => Console(p,
            before: "var value = await Factory.CreateAsync();",
            after: "After.Run(value);",
            types: $$"""
            public static class Factory
            {
                public static async Task<{{p.Type}}> CreateAsync()
                {
                    await Task.Yield();
                    return {{p.New}};
                }
            }

            {{AfterRunObject(p)}}
            """));

        yield return new("mb-method", "Main before ready", "through a project method (no heavy type in Main)", AppKind.Console, p => Console(p,
            before: "Services.Init();",
            after: "Services.Print();",
            types: $$"""
            public static class Services
            {
                private static object s_instance;

                {{NoInlining}}
                public static void Init()
                {
                    s_instance = {{p.New}};
                }

                {{NoInlining}}
                public static void Print()
                {
                    Console.WriteLine("USE " + {{p.Use($"(({p.Type})s_instance)")}});
                }
            }
            """));

        yield return new("mb-return", "Main before ready", "return type of a project method", AppKind.Console, p => Console(p,
            before: "var value = Factory.Create();",
            after: "After.Run(value);",
            types: $$"""
            public static class Factory
            {
                public static {{p.Type}} Create() => {{p.New}};
            }

            {{AfterRunObject(p)}}
            """));

        yield return new("mb-property", "Main before ready", "property type (instance auto-property initializer of a user class)", AppKind.Console, p => Console(p,
            before: "var services = new AppServices();",
            after: "After.Run(services);",
            types: $$"""
            public sealed class AppServices
            {
                public {{p.Type}} Model { get; } = {{p.New}};
            }

            public static class After
            {
                {{NoInlining}}
                public static void Run(object services)
                {
                    Console.WriteLine("USE " + {{p.Use("((AppServices)services).Model")}});
                }
            }
            """));

        yield return new("mb-derived", "Main before ready", "derived user type", AppKind.Console, p => Console(p,
            before: $"var value = new {p.DerivedType}();",
            after: "After.Run(value);",
            types: $$"""
            {{p.DerivedDeclaration}}

            public static class After
            {
                {{NoInlining}}
                public static void Run(object value)
                {
                    Console.WriteLine("USE " + {{p.DerivedUse!($"(({p.DerivedType})value)")}});
                }
            }
            """));

        yield return new("mb-used", "Main before ready", "var, used before ready", AppKind.Console, p => Console(p,
            before: $"var value = {p.New};\nConsole.WriteLine(\"USE \" + {p.Use("value")});",
            after: "",
            types: ""));

        // ---- Main, after the ready cut ----
        yield return new("ma-written", "Main after ready", "written type name", AppKind.Console, p => Console(p,
            before: "Console.WriteLine(\"START\");",
            after: $"{p.Type} value = {p.New};\nConsole.WriteLine(\"USE \" + {p.Use("value")});",
            types: ""));

        yield return new("ma-var", "Main after ready", "var", AppKind.Console, p => Console(p,
            before: "Console.WriteLine(\"START\");",
            after: $"var value = {p.New};\nConsole.WriteLine(\"USE \" + {p.Use("value")});",
            types: ""));

        yield return new("ma-return", "Main after ready", "return type of a project method (var)", AppKind.Console, p => Console(p,
            before: "Console.WriteLine(\"START\");",
            after: "var value = Factory.Create();\nAfter.Run(value);",
            types: $$"""
            public static class Factory
            {
                {{NoInlining}}
                public static {{p.Type}} Create() => {{p.New}};
            }

            {{AfterRunObject(p)}}
            """));

        yield return new("ma-method", "Main after ready", "through a project method", AppKind.Console, p => Console(p,
            before: "Console.WriteLine(\"START\");",
            after: "Work.Run();",
            types: $$"""
            public static class Work
            {
                {{NoInlining}}
                public static void Run()
                {
                    var value = {{p.New}};
                    Console.WriteLine("USE " + {{p.Use("value")}});
                }
            }
            """));

        yield return new("ma-lambda", "Main after ready", "lambda returning object", AppKind.Console, p => Console(p,
            before: "Console.WriteLine(\"START\");",
            after: $"Func<object> make = () => {p.New};\nConsole.WriteLine(\"USE \" + make().GetType().Name);",
            types: ""));

        // ---- static field / property initializers ----
        yield return new("si-field", "static initializer", "written type name (static readonly field)", AppKind.Console, p => Console(p,
            before: "Console.WriteLine(\"NAME \" + Registry.Name);",
            after: "After.Run();",
            types: $$"""
            public static class Registry
            {
                public static readonly string Name = "registry";
                public static readonly {{p.Type}} Value = {{p.New}};
            }

            {{AfterRunRegistry(p, "Registry.Value")}}
            """));

        yield return new("si-property", "static initializer", "property type (static auto-property initializer)", AppKind.Console, p => Console(p,
            before: "Console.WriteLine(\"NAME \" + Registry.Name);",
            after: "After.Run();",
            types: $$"""
            public static class Registry
            {
                public static string Name { get; } = "registry";
                public static {{p.Type}} Value { get; } = {{p.New}};
            }

            {{AfterRunRegistry(p, "Registry.Value")}}
            """));

        yield return new("si-lambda", "static initializer", "lambda (static Func<T> field)", AppKind.Console, p => Console(p,
            before: "Console.WriteLine(\"NAME \" + Registry.Name);",
            after: "After.Run();",
            types: $$"""
            public static class Registry
            {
                public static readonly string Name = "registry";
                public static readonly Func<{{p.Type}}> Make = () => {{p.New}};
            }

            {{AfterRunRegistry(p, "Registry.Make()")}}
            """));

        yield return new("si-untouched", "static initializer", "written type name, class not touched before ready", AppKind.Console, p => Console(p,
            before: "Console.WriteLine(\"START\");",
            after: "After.Run();",
            types: $$"""
            public static class Registry
            {
                public static readonly string Name = "registry";
                public static readonly {{p.Type}} Value = {{p.New}};
            }

            {{AfterRunRegistry(p, "Registry.Value")}}
            """));

        // ---- static constructors ----
        yield return new("sc-written", "static constructor", "written type name", AppKind.Console, p => Console(p,
            before: "Console.WriteLine(\"NAME \" + Registry.Name);",
            after: "After.Run();",
            types: $$"""
            public static class Registry
            {
                public static readonly string Name;
                public static readonly {{p.Type}} Value;

                static Registry()
                {
                    Name = "registry";
                    Value = {{p.New}};
                }
            }

            {{AfterRunRegistry(p, "Registry.Value")}}
            """));

        yield return new("sc-method", "static constructor", "through a project method", AppKind.Console, p => Console(p,
            before: "Console.WriteLine(\"NAME \" + Registry.Name);",
            after: "After.Run();",
            types: $$"""
            public static class Registry
            {
                public static readonly string Name;
                public static readonly {{p.Type}} Value;

                static Registry()
                {
                    Name = "registry";
                    Value = Loader.Load();
                }
            }

            public static class Loader
            {
                {{NoInlining}}
                public static {{p.Type}} Load() => {{p.New}};
            }

            {{AfterRunRegistry(p, "Registry.Value")}}
            """));

        // ---- hosted services ----
        yield return new("hc-written", "hosted-service constructor", "written type name (field set in the constructor)", AppKind.Host, p => Host(p,
            registrations: "builder.Services.AddHostedService<Worker>();",
            types: Worker(p, fieldReadonly: true, constructorBody: $"_value = {p.New};", startAsync: "public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;")));

        yield return new("hc-dependency", "hosted-service constructor", "through a project type's constructor (a constructor parameter)", AppKind.Host, p => Host(p,
            registrations: "builder.Services.AddSingleton<Dependency>();\nbuilder.Services.AddHostedService<Worker>();",
            types: $$"""
            public sealed class Dependency
            {
                private readonly {{p.Type}} _value;

                public Dependency()
                {
                    _value = {{p.New}};
                }

                public string Describe() => {{p.Use("_value")}};
            }

            public sealed class Worker : IHostedService
            {
                private readonly Dependency _dependency;

                public Worker(Dependency dependency)
                {
                    _dependency = dependency;
                }

                public string Describe() => _dependency.Describe();

                public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

                public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            }

            {{AfterRunWorker()}}
            """));

        yield return new("hs-written", "hosted-service StartAsync", "written type name (field set in StartAsync)", AppKind.Host, p => Host(p,
            registrations: "builder.Services.AddHostedService<Worker>();",
            types: Worker(p, fieldReadonly: false, constructorBody: "", startAsync: $$"""
                public Task StartAsync(CancellationToken cancellationToken)
                {
                    _value = {{p.New}};
                    return Task.CompletedTask;
                }
            """)));

        yield return new("hs-async", "hosted-service StartAsync", "async (after an await in StartAsync)", AppKind.Host, p => Host(p,
            registrations: "builder.Services.AddHostedService<Worker>();",
            types: Worker(p, fieldReadonly: false, constructorBody: "", startAsync: $$"""
                public async Task StartAsync(CancellationToken cancellationToken)
                {
                    await Task.Yield();
                    _value = {{p.New}};
                }
            """)));

        // ---- DI registration ----
        yield return new("di-instance", "DI registration", "written type name (AddSingleton(new T()))", AppKind.Host, p => Host(p,
            registrations: $"builder.Services.AddSingleton({p.New});",
            types: AfterRunService(p)));

        yield return new("di-local", "DI registration", "var (a local registered as the instance)", AppKind.Host, p => Host(p,
            registrations: $"var value = {p.New};\nbuilder.Services.AddSingleton(value);",
            types: AfterRunService(p)));

        yield return new("di-factory", "DI factory", "lambda (AddSingleton(sp => new T()), T inferred)", AppKind.Host, p => Host(p,
            registrations: $"builder.Services.AddSingleton(sp => {p.New});",
            types: AfterRunService(p)));

        yield return new("di-resolved", "DI factory", "generic argument (factory resolved before ready)", AppKind.Host, p => Host(p,
            registrations: $"builder.Services.AddSingleton(sp => {p.New});",
            beforeStart: $"var warm = host.Services.GetRequiredService<{p.Type}>();\nConsole.WriteLine(\"WARM \" + (warm is not null));",
            types: AfterRunService(p)));

        yield return new("di-type", "DI registration", "derived user type (type registration, resolved after ready)", AppKind.Host, p => Host(p,
            registrations: "builder.Services.AddSingleton<Scorer>();",
            types: $$"""
            public sealed class Scorer
            {
                private readonly {{p.Type}} _value;

                public Scorer()
                {
                    _value = {{p.New}};
                }

                public string Describe() => {{p.Use("_value")}};
            }

            public static class After
            {
                {{NoInlining}}
                public static void Run(IServiceProvider services)
                {
                    Console.WriteLine("USE " + services.GetRequiredService<Scorer>().Describe());
                }
            }
            """));

        // ---- endpoints and controllers ----
        yield return new("ep-lambda", "endpoint", "lambda (handler body)", AppKind.Web, p => Web(p,
            registrations: "",
            maps: $$"""
            app.MapGet("/h", () =>
            {
                var value = {{p.New}};
                return {{p.Use("value")}};
            });
            """,
            types: ""));

        yield return new("ep-parameter", "endpoint", "lambda parameter type (service injected into the handler)", AppKind.Web, p => Web(p,
            registrations: $"builder.Services.AddSingleton(sp => {p.New});",
            maps: $"app.MapGet(\"/h\", ({p.Type} value) => {p.Use("value")});",
            types: ""));

        yield return new("ctl-action", "controller", "written type name (action body)", AppKind.Web, p => Web(p,
            registrations: "builder.Services.AddControllers();",
            maps: "app.MapControllers();",
            types: $$"""
            [ApiController]
            public sealed class HeavyController : ControllerBase
            {
                [HttpGet("/h")]
                public string Get()
                {
                    var value = {{p.New}};
                    return {{p.Use("value")}};
                }
            }
            """));

        yield return new("ctl-field", "controller", "written type name (field set in the controller's constructor)", AppKind.Web, p => Web(p,
            registrations: "builder.Services.AddControllers();",
            maps: "app.MapControllers();",
            types: $$"""
            [ApiController]
            public sealed class HeavyController : ControllerBase
            {
                private readonly {{p.Type}} _value;

                public HeavyController()
                {
                    _value = {{p.New}};
                }

                [HttpGet("/h")]
                public string Get() => {{p.Use("_value")}};
            }
            """));
    }

    // ---- the three app skeletons ----

    private static GeneratedProgram Console(HeavyPackage p, string before, string after, string types)
    {
        var program = $$"""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using LazyMigrate;
            {{PackageUsings(p)}}

            {{before}}
            LazyLoading.MarkReady();
            Console.WriteLine("READY");
            {{after}}
            Console.WriteLine("DONE");

            """;
        return new GeneratedProgram(AppKind.Console, Tidy(program), TypesFile(p, types, AppKind.Console));
    }

    private static GeneratedProgram Host(HeavyPackage p, string registrations, string types, string beforeStart = "")
    {
        var program = $$"""
            using System;
            using System.Threading.Tasks;
            using LazyMigrate;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;
            using Microsoft.Extensions.Logging;
            {{PackageUsings(p)}}

            var builder = Host.CreateApplicationBuilder(args);
            builder.Logging.ClearProviders();
            {{registrations}}
            using var host = builder.Build();
            {{beforeStart}}
            await host.StartAsync();
            LazyLoading.MarkReady();
            Console.WriteLine("READY");
            After.Run(host.Services);
            await host.StopAsync();
            Console.WriteLine("DONE");

            """;
        return new GeneratedProgram(AppKind.Host, Tidy(program), TypesFile(p, types, AppKind.Host));
    }

    private static GeneratedProgram Web(HeavyPackage p, string registrations, string maps, string types)
    {
        var program = $$"""
            using System;
            using System.Linq;
            using System.Threading.Tasks;
            using LazyMigrate;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Hosting;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Logging;
            {{PackageUsings(p)}}

            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args });
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            {{registrations}}
            var app = builder.Build();
            {{maps}}
            await app.StartAsync();
            LazyLoading.MarkReady();
            Console.WriteLine("READY");
            await After.Run(app.Urls.First());
            await app.StopAsync();
            Console.WriteLine("DONE");

            """;
        var after = $$"""
            public static class After
            {
                {{NoInlining}}
                public static async Task Run(string url)
                {
                    using var http = new HttpClient();
                    Console.WriteLine("USE " + await http.GetStringAsync(url + "/h"));
                }
            }
            """;
        return new GeneratedProgram(AppKind.Web, Tidy(program), TypesFile(p, types + "\n\n" + after, AppKind.Web));
    }

    // ---- pieces ----

    private static string AfterRunObject(HeavyPackage p) => $$"""
        public static class After
        {
            {{NoInlining}}
            public static void Run(object value)
            {
                Console.WriteLine("USE " + {{p.Use($"(({p.Type})value)")}});
            }
        }
        """;

    private static string AfterRunRegistry(HeavyPackage p, string read) => $$"""
        public static class After
        {
            {{NoInlining}}
            public static void Run()
            {
                Console.WriteLine("USE " + {{p.Use(read)}});
            }
        }
        """;

    private static string AfterRunService(HeavyPackage p) => $$"""
        public static class After
        {
            {{NoInlining}}
            public static void Run(IServiceProvider services)
            {
                Console.WriteLine("USE " + {{p.Use($"services.GetRequiredService<{p.Type}>()")}});
            }
        }
        """;

    private static string AfterRunWorker() => $$"""
        public static class After
        {
            {{NoInlining}}
            public static void Run(IServiceProvider services)
            {
                Console.WriteLine("USE " + services.GetServices<IHostedService>().OfType<Worker>().First().Describe());
            }
        }
        """;

    private static string Worker(HeavyPackage p, bool fieldReadonly, string constructorBody, string startAsync) => $$"""
        public sealed class Worker : IHostedService
        {
            private {{(fieldReadonly ? "readonly " : "")}}{{p.Type}} _value;

            public Worker()
            {
                {{constructorBody}}
            }

            public string Describe() => {{p.Use("_value")}};

        {{startAsync}}

            public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        }

        {{AfterRunWorker()}}
        """;

    private static string PackageUsings(HeavyPackage p) => string.Join("\n", p.Usings.Select(u => $"using {u};"));

    private static string TypesFile(HeavyPackage p, string types, AppKind kind)
    {
        var usings = new List<string>
        {
            "System", "System.Collections.Generic", "System.Linq", "System.Net.Http", "System.Runtime.CompilerServices",
            "System.Threading", "System.Threading.Tasks",
        };
        if (kind != AppKind.Console)
        {
            usings.AddRange(new[] { "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting" });
        }

        if (kind == AppKind.Web)
        {
            usings.Add("Microsoft.AspNetCore.Mvc");
        }

        usings.AddRange(p.Usings);
        return Tidy(string.Join("\n", usings.Select(u => $"using {u};")) + "\n\n" + types + "\n");
    }

    // Removes the blank lines left by empty template parts (more than one in a row) and trailing spaces.
    private static string Tidy(string source)
    {
        var lines = source.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd()).ToList();
        var result = new List<string>();
        foreach (var line in lines)
        {
            if (line.Length == 0 && result.Count > 0 && result[^1].Length == 0)
            {
                continue;
            }

            result.Add(line);
        }

        return string.Join("\n", result).Trim('\n') + "\n";
    }
}
