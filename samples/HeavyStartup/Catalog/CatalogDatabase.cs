using System.Linq;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HeavyStartup.Catalog;

/// <summary>The catalog database's connection string and its "create and seed on connect" step.</summary>
internal static class CatalogDatabase
{
    /// <summary>A named in-memory database shared by every connection that is open.</summary>
    public const string ConnectionString = "Data Source=catalog;Mode=Memory;Cache=Shared";

    /// <summary>Applies the schema migrations, then adds the seed rows unless they exist.</summary>
    public static void EnsureCatalogSeeded(this SqliteConnection connection)
    {
        using var db = new CatalogDbContext(new DbContextOptionsBuilder<CatalogDbContext>().UseSqlite(connection).Options);
        db.Database.Migrate();
        if (!db.Products.Any())
        {
            var cups = new Category { Name = "Cups" };
            var tools = new Category { Name = "Tools" };
            var roastery = new Supplier { Name = "North Roastery", Country = "NO" };
            var smithy = new Supplier { Name = "Barista Smithy", Country = "IT" };
            db.Products.AddRange(
                new Product { Name = "Espresso cup", Price = 7.50m, Category = cups, Supplier = roastery },
                new Product { Name = "Milk jug", Price = 12.00m, Category = tools, Supplier = smithy },
                new Product { Name = "Tamper", Price = 24.90m, Category = tools, Supplier = smithy });
            db.SaveChanges();
        }
    }
}
