using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LazyMigrate.Analyzers.Benchmarks;

/// <summary>
/// A realistic ASP.NET Core web API against the real framework and EF Core assemblies (this process's
/// trusted platform assemblies: the benchmark references Microsoft.AspNetCore.App and EF Core Sqlite):
/// top-level Program with DI registrations, an EF Core DbContext, controllers, minimal-API endpoints,
/// services and a hosted worker, <c>resources</c> entity kinds of about 90 lines each. Program also does
/// what real apps do before <c>app.Run</c> (create the database), so the rules have findings.
/// </summary>
internal static class WebApiCompilation
{
    public static CSharpCompilation Create(int resources)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => !Path.GetFileName(p).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)
                && !Path.GetFileName(p).StartsWith("BenchmarkDotNet", StringComparison.Ordinal)
                && !Path.GetFileName(p).StartsWith("LazyMigrate", StringComparison.Ordinal))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();

        var names = Enumerable.Range(0, resources).Select(i => "Item" + i).ToList();
        var trees = new List<SyntaxTree>
        {
            Parse(ProgramSource(names), "Program.cs"),
            Parse(DbContextSource(names), "Data/ShopDb.cs"),
            Parse(WorkerSource, "Workers/CleanupWorker.cs"),
        };
        trees.AddRange(names.Select(n => Parse(ResourceSource(n), $"Features/{n}.cs")));

        return CSharpCompilation.Create(
            "WebApi",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>Lines of source in the compilation (for the report).</summary>
    public static int Lines(CSharpCompilation compilation) =>
        compilation.SyntaxTrees.Sum(t => t.GetText().Lines.Count);

    private static string ProgramSource(IReadOnlyList<string> names)
    {
        var builder = new StringBuilder("""
            using System;
            using System.Linq;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.EntityFrameworkCore;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;
            using Shop.Data;
            using Shop.Features;
            using Shop.Workers;

            var builder = WebApplication.CreateBuilder(args);
            var connection = builder.Configuration.GetConnectionString("Shop") ?? "Data Source=shop.db";
            builder.Services.AddDbContext<ShopDb>(options => options.UseSqlite(connection));
            builder.Services.AddControllers();
            builder.Services.AddProblemDetails();
            builder.Services.AddHostedService<CleanupWorker>();
            builder.Services.AddSingleton(TimeProvider.System);

            """);
        foreach (var name in names)
        {
            builder.AppendLine($"builder.Services.AddScoped<I{name}Service, {name}Service>();");
        }

        builder.Append("""

            var app = builder.Build();

            // Create the schema before serving: EF Core builds its model and opens the database here.
            using (var scope = app.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<ShopDb>();
                db.Database.EnsureCreated();
                Seed.Run(db);
            }

            app.UseExceptionHandler();
            app.MapControllers();

            """);
        foreach (var name in names)
        {
            builder.AppendLine($"app.MapGet(\"/api/v2/{name.ToLowerInvariant()}\", async (I{name}Service service, int? take) => Results.Ok(await service.ListAsync(take ?? 20)));");
            builder.AppendLine($"app.MapGet(\"/api/v2/{name.ToLowerInvariant()}/{{id:int}}\", async (I{name}Service service, int id) => await service.FindAsync(id) is {{ }} found ? Results.Ok(found) : Results.NotFound());");
        }

        builder.Append("""

            app.Run();

            namespace Shop.Data
            {
                public static class Seed
                {
                    public static void Run(ShopDb db)
                    {

            """);
        foreach (var name in names)
        {
            builder.AppendLine($"            if (!db.{name}s.Any()) {{ db.{name}s.Add(new Shop.Features.{name} {{ Name = \"first\", Price = 1m }}); }}");
        }

        builder.AppendLine("            db.SaveChanges();").AppendLine("        }").AppendLine("    }").AppendLine("}");
        return builder.ToString();
    }

    private static string DbContextSource(IReadOnlyList<string> names)
    {
        var builder = new StringBuilder("""
            using Microsoft.EntityFrameworkCore;
            using Shop.Features;

            namespace Shop.Data;

            public sealed class ShopDb : DbContext
            {
                public ShopDb(DbContextOptions<ShopDb> options) : base(options) { }

            """);
        foreach (var name in names)
        {
            builder.AppendLine($"    public DbSet<{name}> {name}s => Set<{name}>();");
        }

        builder.Append("""

                protected override void OnModelCreating(ModelBuilder modelBuilder)
                {

            """);
        foreach (var name in names)
        {
            builder.AppendLine($"        modelBuilder.Entity<{name}>(e => {{ e.HasKey(x => x.Id); e.Property(x => x.Name).HasMaxLength(200); e.HasIndex(x => x.Name); }});");
        }

        builder.AppendLine("    }").AppendLine("}");
        return builder.ToString();
    }

    private const string WorkerSource = """
        using System;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.Hosting;
        using Microsoft.Extensions.Logging;
        using Shop.Data;

        namespace Shop.Workers;

        /// <summary>Deletes stale rows every minute, after the app is up.</summary>
        public sealed class CleanupWorker : BackgroundService
        {
            private readonly IServiceScopeFactory _scopes;
            private readonly ILogger<CleanupWorker> _logger;

            public CleanupWorker(IServiceScopeFactory scopes, ILogger<CleanupWorker> logger)
            {
                _scopes = scopes;
                _logger = logger;
            }

            protected override async Task ExecuteAsync(CancellationToken stoppingToken)
            {
                using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
                while (await timer.WaitForNextTickAsync(stoppingToken))
                {
                    using var scope = _scopes.CreateScope();
                    var db = scope.ServiceProvider.GetRequiredService<ShopDb>();
                    var removed = await db.Database.ExecuteSqlRawAsync("DELETE FROM Item0s WHERE Price < 0", stoppingToken);
                    _logger.LogInformation("Removed {Count} rows", removed);
                }
            }
        }
        """;

    private static string ResourceSource(string name) => $$"""
        using System;
        using System.Collections.Generic;
        using System.ComponentModel.DataAnnotations;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.Extensions.Logging;
        using Shop.Data;

        namespace Shop.Features;

        public sealed class {{name}}
        {
            public int Id { get; set; }

            [Required, MaxLength(200)]
            public string Name { get; set; } = string.Empty;

            public decimal Price { get; set; }

            public DateTimeOffset Created { get; set; } = DateTimeOffset.UtcNow;
        }

        public sealed record {{name}}Dto(int Id, string Name, decimal Price);

        public interface I{{name}}Service
        {
            Task<IReadOnlyList<{{name}}Dto>> ListAsync(int take, CancellationToken cancellationToken = default);
            Task<{{name}}Dto?> FindAsync(int id, CancellationToken cancellationToken = default);
            Task<{{name}}Dto> CreateAsync(string name, decimal price, CancellationToken cancellationToken = default);
            Task<bool> DeleteAsync(int id, CancellationToken cancellationToken = default);
        }

        public sealed class {{name}}Service : I{{name}}Service
        {
            private readonly ShopDb _db;
            private readonly ILogger<{{name}}Service> _logger;

            public {{name}}Service(ShopDb db, ILogger<{{name}}Service> logger)
            {
                _db = db;
                _logger = logger;
            }

            public async Task<IReadOnlyList<{{name}}Dto>> ListAsync(int take, CancellationToken cancellationToken = default) =>
                await _db.{{name}}s.AsNoTracking().OrderBy(x => x.Name).Take(Math.Clamp(take, 1, 100))
                    .Select(x => new {{name}}Dto(x.Id, x.Name, x.Price)).ToListAsync(cancellationToken);

            public async Task<{{name}}Dto?> FindAsync(int id, CancellationToken cancellationToken = default)
            {
                var entity = await _db.{{name}}s.FindAsync(new object[] { id }, cancellationToken);
                return entity is null ? null : new {{name}}Dto(entity.Id, entity.Name, entity.Price);
            }

            public async Task<{{name}}Dto> CreateAsync(string name, decimal price, CancellationToken cancellationToken = default)
            {
                var entity = new {{name}} { Name = name.Trim(), Price = price };
                _db.{{name}}s.Add(entity);
                await _db.SaveChangesAsync(cancellationToken);
                _logger.LogInformation("Created {{name}} {Id}", entity.Id);
                return new {{name}}Dto(entity.Id, entity.Name, entity.Price);
            }

            public async Task<bool> DeleteAsync(int id, CancellationToken cancellationToken = default)
            {
                var removed = await _db.{{name}}s.Where(x => x.Id == id).ExecuteDeleteAsync(cancellationToken);
                return removed > 0;
            }
        }

        [ApiController]
        [Route("api/[controller]")]
        public sealed class {{name}}sController : ControllerBase
        {
            private readonly I{{name}}Service _service;

            public {{name}}sController(I{{name}}Service service) => _service = service;

            [HttpGet]
            public Task<IReadOnlyList<{{name}}Dto>> List([FromQuery] int take = 20, CancellationToken cancellationToken = default) =>
                _service.ListAsync(take, cancellationToken);

            [HttpGet("{id:int}")]
            public async Task<ActionResult<{{name}}Dto>> Get(int id, CancellationToken cancellationToken)
            {
                var found = await _service.FindAsync(id, cancellationToken);
                return found is null ? NotFound() : Ok(found);
            }

            [HttpPost]
            public async Task<ActionResult<{{name}}Dto>> Create([FromBody] {{name}}Dto input, CancellationToken cancellationToken)
            {
                if (string.IsNullOrWhiteSpace(input.Name))
                {
                    return ValidationProblem("Name is required.");
                }

                var created = await _service.CreateAsync(input.Name, input.Price, cancellationToken);
                return CreatedAtAction(nameof(Get), new { id = created.Id }, created);
            }

            [HttpDelete("{id:int}")]
            public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken) =>
                await _service.DeleteAsync(id, cancellationToken) ? NoContent() : NotFound();
        }
        """;

    private static SyntaxTree Parse(string source, string path) =>
        CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path);
}
