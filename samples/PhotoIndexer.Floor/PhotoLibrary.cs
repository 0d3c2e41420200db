using System.Collections.Generic;
using System.Linq;

namespace PhotoIndexer.Floor;

/// <summary>The app's photo row, without the database.</summary>
public sealed class Photo
{
    public int Id { get; init; }

    public string FileName { get; init; } = "";

    public string Album { get; init; } = "";

    public int Width { get; init; }

    public int Height { get; init; }

    public float Sharpness { get; init; }

    public float Exposure { get; init; }

    public float Contrast { get; init; }
}

/// <summary>The app's settings with the same cheap statics; the catalog is a list filled on its first use.</summary>
public static class PhotoLibrary
{
    public static readonly string Name = "photo-indexer";

    public static readonly string Owner = "studio";

    public static readonly string ContainerName = "photos";

    private static List<Photo>? _photos;

    private static List<Photo> Photos => _photos ??= Seed().ToList();

    public static int Count() => Photos.Count;

    public static int CountIn(string album) => Photos.Count(p => p.Album == album);

    public static Photo Find(int id) => Photos.Single(p => p.Id == id);

    // The same twelve rows the app seeds into its catalog.
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
