using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HeavyStartup.Catalog;

/// <summary>The catalog database's connection string and its "create and seed on connect" step.</summary>
internal static class CatalogDatabase
{
    /// <summary>A named in-memory database shared by every connection that is open.</summary>
    public const string ConnectionString = "Data Source=catalog;Mode=Memory;Cache=Shared";

    /// <summary>Creates the schema and the seed rows unless they exist.</summary>
    public static void EnsureCatalogSeeded(this SqliteConnection connection)
    {
        using var db = new CatalogDbContext(new DbContextOptionsBuilder<CatalogDbContext>().UseSqlite(connection).Options);
        if (db.Database.EnsureCreated())
        {
            db.Products.AddRange(
                new Product { Name = "Espresso cup", Price = 7.50m },
                new Product { Name = "Milk jug", Price = 12.00m },
                new Product { Name = "Tamper", Price = 24.90m });
            db.SaveChanges();
        }
    }
}
