using System;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HeavyStartup.Catalog;

/// <summary>
/// Owns the catalog database: an in-memory SQLite database that lives as long as its open connection,
/// so the app needs no files and every run starts from the same state.
/// </summary>
internal sealed class ProductCatalog : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly DbContextOptions<CatalogDbContext> _options;

    public ProductCatalog()
    {
        _connection = new SqliteConnection("Data Source=catalog;Mode=Memory;Cache=Shared");
        _connection.Open();
        _options = new DbContextOptionsBuilder<CatalogDbContext>().UseSqlite(_connection).Options;
    }

    public CatalogDbContext CreateContext() => new CatalogDbContext(_options);

    public void Dispose() => _connection.Dispose();
}
