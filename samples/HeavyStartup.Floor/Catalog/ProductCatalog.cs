using System.Collections.Generic;

namespace HeavyStartup.Floor.Catalog;

/// <summary>Stand-in for the SQLite catalog: a list.</summary>
internal sealed class ProductCatalog
{
    public List<Product> Products { get; } = new();
}
