using System.Collections.Generic;
using System.Threading;

namespace HeavyStartup.Floor.Catalog;

/// <summary>
/// Stand-in for the SQLite catalog: a list. The sample seeds its database when the catalog is created; here
/// the list is seeded on the first read of <see cref="Products"/>, so creating the catalog does no work.
/// </summary>
internal sealed class ProductCatalog
{
    private List<Product>? _products;

    public List<Product> Products => LazyInitializer.EnsureInitialized(ref _products, Seed);

    private static List<Product> Seed()
    {
        var cups = new Category { Id = 1, Name = "Cups" };
        var tools = new Category { Id = 2, Name = "Tools" };
        var roastery = new Supplier { Id = 1, Name = "North Roastery", Country = "NO" };
        var smithy = new Supplier { Id = 2, Name = "Barista Smithy", Country = "IT" };
        return new List<Product>
        {
            new Product { Id = 1, Name = "Espresso cup", Price = 7.50m, Category = cups, Supplier = roastery },
            new Product { Id = 2, Name = "Milk jug", Price = 12.00m, Category = tools, Supplier = smithy },
            new Product { Id = 3, Name = "Tamper", Price = 24.90m, Category = tools, Supplier = smithy },
        };
    }
}
