using System;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HeavyStartup.Catalog;

/// <summary>
/// Owns the catalog database: an in-memory SQLite database that lives as long as this catalog's
/// connection is open, so the app needs no files and every run starts from the same state.
/// </summary>
internal sealed class ProductCatalog : IDisposable
{
    private readonly SqliteConnection _connection;

    public ProductCatalog()
    {
        _connection = new SqliteConnection(CatalogDatabase.ConnectionString);
        _connection.Open();
        _connection.EnsureCatalogSeeded();
    }

    // Each context gets its own connection to the shared database: a SqliteConnection must not be
    // used by two threads at once, and the background refresher runs beside request handlers.
    public CatalogDbContext CreateContext() =>
        new CatalogDbContext(new DbContextOptionsBuilder<CatalogDbContext>().UseSqlite(_connection.ConnectionString).Options);

    public void Dispose() => _connection.Dispose();
}
