using System;
using System.Globalization;
using System.Linq;
using Azure.Storage.Blobs;
using ImageMagick;
using Microsoft.ML;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using PhotoIndexer.Catalog;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace PhotoIndexer;

/// <summary>The indexer's commands; each returns the line it prints.</summary>
internal static class Commands
{
    public static string Count() => $"{PhotoLibrary.Count()} photos, {PhotoLibrary.CountIn("harbour")} in harbour";

    /// <summary>Squares the photo's three quality features with the scoring model.</summary>
    public static string Score(InferenceSession scorer, Photo photo)
    {
        var features = new DenseTensor<float>(new[] { photo.Sharpness, photo.Exposure, photo.Contrast }, new[] { 3 });
        using var results = scorer.Run(new[] { NamedOnnxValue.CreateFromTensor("x", features) });
        var scores = results.First().AsEnumerable<float>().Select(v => v.ToString("0.00", CultureInfo.InvariantCulture));
        return $"{photo.FileName} = {string.Join(" ", scores)}";
    }

    /// <summary>The photo's sharpness on the tagger's 0–1 scale.</summary>
    public static string Tag(PredictionEngine<SharpnessInput, SharpnessTag> tagger, Photo photo)
    {
        var tag = tagger.Predict(new SharpnessInput { Value = photo.Sharpness });
        return $"{photo.FileName} sharpness {tag.Score.ToString("0.00", CultureInfo.InvariantCulture)}";
    }

    /// <summary>A tenth-size thumbnail cut from the blank canvas.</summary>
    public static string Thumb(Image<Rgba32> canvas, Photo photo)
    {
        using var thumb = canvas.Clone(c => c.Resize(photo.Width / 10, photo.Height / 10));
        return $"{photo.FileName} {thumb.Width}x{thumb.Height} {(thumb[0, 0].A == 0 ? "transparent" : "opaque")}";
    }

    /// <summary>A quarter-size preview, encoded in the format the startup check chose.</summary>
    public static string Convert(bool webp, Photo photo)
    {
        using var image = new MagickImage(MagickColors.SteelBlue, (uint)photo.Width, (uint)photo.Height);
        image.Resize(new MagickGeometry((uint)photo.Width / 4, (uint)photo.Height / 4) { IgnoreAspectRatio = true });
        var bytes = image.ToByteArray(webp ? MagickFormat.WebP : MagickFormat.Png);
        return $"{photo.FileName} {image.Width}x{image.Height} {(webp ? "webp" : "png")} {(bytes.Length > 0 ? "encoded" : "empty")}";
    }

    public static string Blob(BlobContainerClient container, Photo photo) => container.GetBlobClient(photo.FileName).Uri.ToString();

    public static int Id(string[] words) => words.Length > 1 ? int.Parse(words[1], CultureInfo.InvariantCulture) : 1;
}

/// <summary>The tagger's input row.</summary>
public sealed class SharpnessInput
{
    public float Value { get; set; }
}

/// <summary>The tagger's output: the value scaled by the reference photos' largest.</summary>
public sealed class SharpnessTag
{
    public float Score { get; set; }
}
