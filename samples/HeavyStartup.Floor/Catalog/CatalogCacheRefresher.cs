using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace HeavyStartup.Floor.Catalog;

/// <summary>Same background service as the sample; refreshes the count of the in-memory list.</summary>
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
                LastProductCount = _catalog.Products.Count;
                await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }
}
