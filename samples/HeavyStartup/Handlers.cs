using System.Globalization;
using System.IO;
using System.Linq;
using Azure.Storage.Blobs;
using HeavyStartup.Catalog;
using ImageMagick;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace HeavyStartup;

/// <summary>Registers the request handlers (cheap to register: each is built on first request).</summary>
internal static class HandlerRegistration
{
    public static IServiceCollection AddHandlers(this IServiceCollection services) => services
        .AddTransient<CatalogReport>()
        .AddTransient<ScoringHandler>()
        .AddTransient<ImageFormatReport>()
        .AddTransient<ThumbnailHandler>()
        .AddTransient<FeatureHandler>()
        .AddTransient<StorageHandler>();
}

/// <summary>Lists the catalog (EF Core + SQLite).</summary>
internal sealed class CatalogReport(ProductCatalog catalog)
{
    public string Describe()
    {
        using var db = catalog.CreateContext();
        var products = db.Products.Include(p => p.Category).Include(p => p.Supplier).OrderBy(p => p.Name).ToList();
        var total = products.Sum(p => p.Price);
        var names = string.Join(", ", products.Select(p =>
            $"{p.Name} {p.Price.ToString("0.00", CultureInfo.InvariantCulture)} [{p.Category?.Name}, {p.Supplier?.Name} {p.Supplier?.Country}]"));
        return $"{products.Count} products ({names}), total {total.ToString("0.00", CultureInfo.InvariantCulture)}";
    }
}

/// <summary>Scores a feature vector with the ONNX model.</summary>
internal sealed class ScoringHandler
{
    public string Score(params float[] features)
    {
        var input = new DenseTensor<float>(features, new[] { features.Length });
        using var results = ModelRegistry.Scorer.Run(new[] { NamedOnnxValue.CreateFromTensor("x", input) });
        var output = results.First().AsEnumerable<float>();
        return "y = " + string.Join(" ", output.Select(v => v.ToString("0.###", CultureInfo.InvariantCulture)));
    }
}

/// <summary>Reports accepted upload formats and checks the native image pipeline with a resize (Magick.NET).</summary>
internal sealed class ImageFormatReport(UploadFormats formats)
{
    public string Describe()
    {
        using var image = new MagickImage(MagickColors.SteelBlue, 8, 8);
        image.Resize(3, 3);
        var pixel = image.GetPixels().GetPixel(0, 0).ToColor();
        return $"jxl={formats.Jxl} avif={formats.Avif} resized={image.Width}x{image.Height} pixel={pixel?.ToHexString()}";
    }
}

/// <summary>Stamps the watermark into a thumbnail and round-trips it through PNG (ImageSharp).</summary>
internal sealed class ThumbnailHandler
{
    public string RoundTrip()
    {
        using var thumbnail = new Image<Rgba32>(16, 16, new Rgba32(255, 255, 255, 255));
        thumbnail.Mutate(x => x.DrawImage(ModelRegistry.Watermark, new Point(6, 6), 1f));
        using var png = new MemoryStream();
        thumbnail.SaveAsPng(png);
        png.Position = 0;
        using var decoded = Image.Load<Rgba32>(png);
        var centre = decoded[7, 7];
        var corner = decoded[0, 0];
        return $"{decoded.Width}x{decoded.Height} centre={centre.ToHex()} corner={corner.ToHex()}";
    }
}

/// <summary>Normalizes product features and suggests prices with the ML.NET pipeline fitted at startup.</summary>
internal sealed class FeatureHandler(MLContext ml)
{
    public string Normalize()
    {
        var data = ml.Data.LoadFromEnumerable(FeaturePipeline.ReferenceRows());
        var transformed = ModelRegistry.FeatureModel.Transform(data);
        var vectors = transformed.GetColumn<float[]>("Features")
            .Select(v => "[" + string.Join(" ", v.Select(x => x.ToString("0.000", CultureInfo.InvariantCulture))) + "]");
        var prices = transformed.GetColumn<float>("Score").Select(p => p.ToString("0.0", CultureInfo.InvariantCulture));
        return string.Join(" ", vectors) + " suggested " + string.Join(" ", prices);
    }
}

/// <summary>Computes where a thumbnail is stored (Azure Blob Storage client; no network call).</summary>
internal sealed class StorageHandler(BlobServiceClient blobs)
{
    public string ThumbnailUri(string blobName)
    {
        var container = blobs.GetBlobContainerClient(AppSettings.ThumbnailContainer);
        return container.GetBlobClient(blobName).Uri.ToString();
    }
}
