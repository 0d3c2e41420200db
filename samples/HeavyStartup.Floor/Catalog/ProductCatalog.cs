using System.Collections.Generic;

namespace HeavyStartup.Floor.Catalog;

/// <summary>Stand-in for the SQLite catalog: a list, seeded when the catalog is created (as the sample seeds on connect).</summary>
internal sealed class ProductCatalog
{
    public ProductCatalog()
    {
        Products.AddRange(new[]
        {
            new Product { Id = 1, Name = "Espresso cup", Price = 7.50m },
            new Product { Id = 2, Name = "Milk jug", Price = 12.00m },
            new Product { Id = 3, Name = "Tamper", Price = 24.90m },
        });
    }

    public List<Product> Products { get; } = new();
}
