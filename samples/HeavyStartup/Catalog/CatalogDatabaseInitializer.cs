using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace HeavyStartup.Catalog;

/// <summary>Creates and seeds the catalog database while the host starts (hosted services start before the app is ready).</summary>
internal sealed class CatalogDatabaseInitializer : IHostedService
{
    private readonly ProductCatalog _catalog;

    public CatalogDatabaseInitializer(ProductCatalog catalog)
    {
        _catalog = catalog;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        using var db = _catalog.CreateContext();
        db.Database.EnsureCreated();
        db.Products.AddRange(
            new Product { Name = "Espresso cup", Price = 7.50m },
            new Product { Name = "Milk jug", Price = 12.00m },
            new Product { Name = "Tamper", Price = 24.90m });
        db.SaveChanges();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
