using System.Collections.Generic;

namespace HeavyStartup.Floor.Catalog;

/// <summary>Stand-in for the SQLite catalog: a list, seeded when the catalog is created (as the sample seeds on connect).</summary>
internal sealed class ProductCatalog
{
    public ProductCatalog()
    {
        var cups = new Category { Id = 1, Name = "Cups" };
        var tools = new Category { Id = 2, Name = "Tools" };
        var roastery = new Supplier { Id = 1, Name = "North Roastery", Country = "NO" };
        var smithy = new Supplier { Id = 2, Name = "Barista Smithy", Country = "IT" };
        Products.AddRange(new[]
        {
            new Product { Id = 1, Name = "Espresso cup", Price = 7.50m, Category = cups, Supplier = roastery },
            new Product { Id = 2, Name = "Milk jug", Price = 12.00m, Category = tools, Supplier = smithy },
            new Product { Id = 3, Name = "Tamper", Price = 24.90m, Category = tools, Supplier = smithy },
        });
    }

    public List<Product> Products { get; } = new();
}
