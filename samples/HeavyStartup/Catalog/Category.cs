using System.Collections.Generic;

namespace HeavyStartup.Catalog;

/// <summary>A product category.</summary>
internal sealed class Category
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public List<Product> Products { get; set; } = new();
}
