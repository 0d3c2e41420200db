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
        _connection = new SqliteConnection(CatalogDatabase.ConnectionString);
        _connection.Open();
        _connection.EnsureCatalogSeeded();
        _options = new DbContextOptionsBuilder<CatalogDbContext>().UseSqlite(_connection).Options;
    }

    public CatalogDbContext CreateContext() => new CatalogDbContext(_options);

    public void Dispose() => _connection.Dispose();
}
