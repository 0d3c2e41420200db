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

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<Supplier> Suppliers => Set<Supplier>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Product>(product =>
        {
            product.HasKey(p => p.Id);
            product.Property(p => p.Name).IsRequired().HasMaxLength(100);
            // SQLite has no decimal type; store cents-exact text.
            product.Property(p => p.Price).HasConversion<string>();
            product.HasIndex(p => p.Name).IsUnique();
            product.HasOne(p => p.Category).WithMany(c => c.Products).HasForeignKey(p => p.CategoryId);
            product.HasOne(p => p.Supplier).WithMany(s => s.Products).HasForeignKey(p => p.SupplierId);
        });
        modelBuilder.Entity<Category>(category =>
        {
            category.HasKey(c => c.Id);
            category.Property(c => c.Name).IsRequired().HasMaxLength(50);
            category.HasIndex(c => c.Name).IsUnique();
        });
        modelBuilder.Entity<Supplier>(supplier =>
        {
            supplier.HasKey(s => s.Id);
            supplier.Property(s => s.Name).IsRequired().HasMaxLength(100);
            supplier.Property(s => s.Country).IsRequired().HasMaxLength(2);
        });
    }
}
