using System.Collections.Generic;

namespace HeavyStartup.Catalog;

/// <summary>A supplier of products.</summary>
internal sealed class Supplier
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public string Country { get; set; } = "";

    public List<Product> Products { get; set; } = new();
}
