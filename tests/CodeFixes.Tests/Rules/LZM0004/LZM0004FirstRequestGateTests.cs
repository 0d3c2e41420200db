using System.Threading.Tasks;
using LazyMigrate.CodeFixes.Rules;
using LazyMigrate.CodeFixes.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace LazyMigrate.CodeFixes.Tests.Rules;

/// <summary>
/// The opt-in LZM0004 fix for a web app's startup statement that resolves a heavy service for its effect
/// (a schema step): it runs before the first request instead of before the server starts.
/// </summary>
public class LZM0004FirstRequestGateTests
{
    private const string Option = "lazymigrate.web_startup_work = before_first_request";

    private const string Before = """
        using System;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDbContext<CatalogDb>(options => options.UseSqlite("Data Source=app.db"));
        var app = builder.Build();

        // Bring the schema up to date before serving anything.
        using (var scope = app.Services.CreateScope())
        {
            var db = {|LZM0004:scope.ServiceProvider.GetRequiredService<CatalogDb>()|};
            db.Database.Migrate();
        }

        app.MapGet("/", () => "ok");
        await app.StartAsync();
        Console.WriteLine("READY");
        LazyMigrate.LazyLoading.MarkReady();

        class CatalogDb : DbContext
        {
        }
        """;

    [Fact]
    public Task Schema_step_before_the_server_starts_runs_before_the_first_request() => Verify<LZM0004FirstRequestGateFixer>.FixAsync(
        Before,
        """
        using System;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDbContext<CatalogDb>(options => options.UseSqlite("Data Source=app.db"));
        var app = builder.Build();

        // Bring the schema up to date before serving anything.
        var beforeFirstRequest = new Lazy<Task>(() => Task.Run(() =>
        {
            using (var scope = app.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<CatalogDb>();
                db.Database.Migrate();
            }
        }));
        app.Use(async (context, next) =>
        {
            await beforeFirstRequest.Value;
            await next(context);
        });

        app.MapGet("/", () => "ok");
        await app.StartAsync();
        Console.WriteLine("READY");
        LazyMigrate.LazyLoading.MarkReady();

        class CatalogDb : DbContext
        {
        }
        """,
        runtime: true,
        OutputKind.ConsoleApplication,
        analyzerConfig: Option);

    [Fact]
    public Task Without_the_option_the_statement_stays()
        => Verify<LZM0004FirstRequestGateFixer>.NoFixAsync(Before, runtime: true, OutputKind.ConsoleApplication);

    [Fact]
    public Task A_statement_after_an_endpoint_is_mapped_stays() => Verify<LZM0004FirstRequestGateFixer>.FixAsync(
        Before.Replace("app.MapGet(\"/\", () => \"ok\");\n", string.Empty).Replace("var app = builder.Build();\n", "var app = builder.Build();\napp.MapGet(\"/\", () => \"ok\");\n"),
        Before.Replace("app.MapGet(\"/\", () => \"ok\");\n", string.Empty).Replace("var app = builder.Build();\n", "var app = builder.Build();\napp.MapGet(\"/\", () => \"ok\");\n"),
        runtime: true,
        OutputKind.ConsoleApplication,
        analyzerConfig: Option);
}
