namespace PhotoIndexer.Catalog;

/// <summary>One indexed photo: its file, album, pixel size and the three features the scorer reads.</summary>
public sealed class Photo
{
    public int Id { get; set; }

    public string FileName { get; set; } = "";

    public string Album { get; set; } = "";

    public int Width { get; set; }

    public int Height { get; set; }

    public float Sharpness { get; set; }

    public float Exposure { get; set; }

    public float Contrast { get; set; }
}
