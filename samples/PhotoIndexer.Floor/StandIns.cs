using System.Globalization;
using System.Linq;

namespace PhotoIndexer.Floor;

/// <summary>Stand-in for the scoring model: squares each feature.</summary>
internal sealed class StandInScorer
{
    public float[] Run(float[] features) => features.Select(x => x * x).ToArray();
}

/// <summary>Stand-in for the tagger: scales by the reference photos' largest sharpness, as the fitted normalizer does.</summary>
internal sealed class StandInTagger
{
    private const float Scale = 1f / 4.5f;

    public float Predict(float value) => value * Scale;
}

/// <summary>Stand-in for the image libraries: a canvas and an encoder that only know sizes.</summary>
internal sealed class StandInImaging
{
    public bool WritesWebP => true;

    public (int Width, int Height) Resize(int width, int height) => (width, height);
}

/// <summary>Stand-in for the blob container client: builds the same development-storage address.</summary>
internal sealed class StandInContainer(string name)
{
    public string UriOf(string blob) => $"http://127.0.0.1:10000/devstoreaccount1/{name}/{blob}";
}

/// <summary>The app's commands over the stand-ins, with the same output.</summary>
internal static class Commands
{
    public static string Count() => $"{PhotoLibrary.Count()} photos, {PhotoLibrary.CountIn("harbour")} in harbour";

    public static string Score(StandInScorer scorer, Photo photo)
        => $"{photo.FileName} = {string.Join(" ", scorer.Run(new[] { photo.Sharpness, photo.Exposure, photo.Contrast }).Select(v => v.ToString("0.00", CultureInfo.InvariantCulture)))}";

    public static string Tag(StandInTagger tagger, Photo photo)
        => $"{photo.FileName} sharpness {tagger.Predict(photo.Sharpness).ToString("0.00", CultureInfo.InvariantCulture)}";

    public static string Thumb(StandInImaging imaging, Photo photo)
    {
        var (width, height) = imaging.Resize(photo.Width / 10, photo.Height / 10);
        return $"{photo.FileName} {width}x{height} transparent";
    }

    public static string Convert(StandInImaging imaging, Photo photo)
    {
        var (width, height) = imaging.Resize(photo.Width / 4, photo.Height / 4);
        return $"{photo.FileName} {width}x{height} {(imaging.WritesWebP ? "webp" : "png")} encoded";
    }

    public static string Blob(StandInContainer container, Photo photo) => container.UriOf(photo.FileName);

    public static int Id(string[] words) => words.Length > 1 ? int.Parse(words[1], CultureInfo.InvariantCulture) : 1;
}
