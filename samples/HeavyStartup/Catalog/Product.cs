namespace HeavyStartup.Catalog;

/// <summary>A product row.</summary>
internal sealed class Product
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public decimal Price { get; set; }
}
