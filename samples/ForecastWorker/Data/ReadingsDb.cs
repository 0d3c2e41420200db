using Microsoft.EntityFrameworkCore;

namespace ForecastWorker.Data;

/// <summary>The station readings.</summary>
public sealed class ReadingsDb : DbContext
{
    public ReadingsDb(DbContextOptions<ReadingsDb> options)
        : base(options)
    {
    }

    public DbSet<Reading> Readings => Set<Reading>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Reading>().HasIndex(r => new { r.Station, r.Day }).IsUnique();
    }
}
