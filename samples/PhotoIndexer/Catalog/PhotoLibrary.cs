using System.Collections.Generic;
using System.Linq;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace PhotoIndexer.Catalog;

/// <summary>
/// The library's settings and its catalog. Reading <see cref="Name"/> for the banner runs every static
/// initializer here, the catalog's included: the class has no static constructor.
/// </summary>
public static class PhotoLibrary
{
    public static readonly string Name = "photo-indexer";

    public static readonly string Owner = "studio";

    public static readonly string ContainerName = "photos";

    private static readonly PhotoDb Db = Open();

    public static int Count() => Db.Photos.Count();

    public static int CountIn(string album) => Db.Photos.Count(p => p.Album == album);

    public static Photo Find(int id) => Db.Photos.AsNoTracking().Single(p => p.Id == id);

    // An in-memory catalog kept open for the life of the process, created and filled on first open.
    private static PhotoDb Open()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        var db = new PhotoDb(new DbContextOptionsBuilder<PhotoDb>().UseSqlite(connection).Options);
        db.Database.EnsureCreated();
        db.Photos.AddRange(Seed());
        db.SaveChanges();
        return db;
    }

    private static IEnumerable<Photo> Seed()
    {
        string[] albums = { "harbour", "forest", "city" };
        for (var i = 1; i <= 12; i++)
        {
            yield return new Photo
            {
                Id = i,
                FileName = $"img_{i:0000}.jpg",
                Album = albums[i % albums.Length],
                Width = 640 + 160 * (i % 4),
                Height = 480 + 120 * (i % 3),
                Sharpness = i % 5 + 0.5f,
                Exposure = (i * 7 % 10) / 2f,
                Contrast = i % 3 + 1,
            };
        }
    }
}
