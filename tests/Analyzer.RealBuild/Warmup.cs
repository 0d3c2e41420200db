using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace RealBuild;

public sealed class AppDb : DbContext
{
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.UseSqlite("Data Source=:memory:");
}

public sealed class Warmup : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        using var db = new AppDb(); // LZM0002
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Runs per request, not at startup: nothing to report.
    public static int Count()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        return 1;
    }
}
