using Microsoft.EntityFrameworkCore;

namespace PhotoIndexer.Catalog;

/// <summary>The photo catalog: one SQLite table of photos.</summary>
public sealed class PhotoDb : DbContext
{
    public PhotoDb(DbContextOptions<PhotoDb> options)
        : base(options)
    {
    }

    public DbSet<Photo> Photos => Set<Photo>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Photo>().HasIndex(p => p.Album);
    }
}
