using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate;
using Microsoft.Extensions.Hosting;

namespace HeavyStartup.Floor.Catalog;

/// <summary>
/// Same background service as the sample; snapshots the in-memory list. Its first refresh waits for the
/// app's ready signal, so starting the host runs none of it.
/// </summary>
internal sealed class CatalogCacheRefresher : BackgroundService
{
    private readonly ProductCatalog _catalog;

    public CatalogCacheRefresher(ProductCatalog catalog)
    {
        _catalog = catalog;
    }

    /// <summary>The products seen by the last refresh (empty before the first one).</summary>
    public IReadOnlyList<Product> Snapshot { get; private set; } = Array.Empty<Product>();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await LazyLoading.WhenReady(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                Snapshot = _catalog.Products.ToList();
                await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }
}
