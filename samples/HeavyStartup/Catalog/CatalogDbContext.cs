using Microsoft.EntityFrameworkCore;

namespace HeavyStartup.Catalog;

/// <summary>The catalog database (SQLite).</summary>
internal sealed class CatalogDbContext : DbContext
{
    public CatalogDbContext(DbContextOptions<CatalogDbContext> options)
        : base(options)
    {
    }

    public DbSet<Product> Products => Set<Product>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Product>(product =>
        {
            product.HasKey(p => p.Id);
            product.Property(p => p.Name).IsRequired().HasMaxLength(100);
            // SQLite has no decimal type; store cents-exact text.
            product.Property(p => p.Price).HasConversion<string>();
        });
    }
}
