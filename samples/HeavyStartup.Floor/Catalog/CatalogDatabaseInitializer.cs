using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace HeavyStartup.Floor.Catalog;

/// <summary>Same hosted service as the sample; seeds the in-memory list.</summary>
internal sealed class CatalogDatabaseInitializer : IHostedService
{
    private readonly ProductCatalog _catalog;

    public CatalogDatabaseInitializer(ProductCatalog catalog)
    {
        _catalog = catalog;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _catalog.Products.AddRange(new[]
        {
            new Product { Id = 1, Name = "Espresso cup", Price = 7.50m },
            new Product { Id = 2, Name = "Milk jug", Price = 12.00m },
            new Product { Id = 3, Name = "Tamper", Price = 24.90m },
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
