using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace HeavyStartup.Catalog;

/// <summary>
/// Keeps a snapshot of the catalog (products with their category and supplier) for fast reads,
/// refreshed once a minute.
/// Written the common way: the first refresh runs as soon as the host starts the service.
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
            while (!stoppingToken.IsCancellationRequested)
            {
                using (var db = _catalog.CreateContext())
                {
                    Snapshot = db.Products.AsNoTracking().Include(p => p.Category).Include(p => p.Supplier).ToList();
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
