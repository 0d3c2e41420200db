using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace HeavyStartup.Catalog;

/// <summary>
/// Keeps EF Core's model and query pipeline warm and refreshes the product count once a minute.
/// Written the common way: the first refresh runs as soon as the host starts the service.
/// </summary>
internal sealed class CatalogCacheRefresher : BackgroundService
{
    private readonly ProductCatalog _catalog;

    public CatalogCacheRefresher(ProductCatalog catalog)
    {
        _catalog = catalog;
    }

    /// <summary>The product count seen by the last refresh (-1 before the first one).</summary>
    public int LastProductCount { get; private set; } = -1;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                using (var db = _catalog.CreateContext())
                {
                    LastProductCount = db.Products.Count();
                }

                await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }
}
