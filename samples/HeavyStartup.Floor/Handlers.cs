using System.Globalization;
using System.Linq;
using HeavyStartup.Floor.Catalog;
using Microsoft.Extensions.DependencyInjection;

namespace HeavyStartup.Floor;

/// <summary>Registers the request handlers, as the sample does.</summary>
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

internal sealed class CatalogReport(ProductCatalog catalog)
{
    public string Describe()
    {
        var products = catalog.Products.OrderBy(p => p.Name).ToList();
        var total = products.Sum(p => p.Price);
        var names = string.Join(", ", products.Select(p =>
            $"{p.Name} {p.Price.ToString("0.00", CultureInfo.InvariantCulture)} [{p.Category?.Name}, {p.Supplier?.Name} {p.Supplier?.Country}]"));
        return $"{products.Count} products ({names}), total {total.ToString("0.00", CultureInfo.InvariantCulture)}";
    }
}

internal sealed class ScoringHandler
{
    public string Score(params float[] features)
        => "y = " + string.Join(" ", ModelRegistry.Scorer.Run(features).Select(v => v.ToString("0.###", CultureInfo.InvariantCulture)));
}

internal sealed class ImageFormatReport(UploadFormats formats)
{
    public string Describe() => $"jxl={formats.Jxl} avif={formats.Avif} resized=3x3 pixel=#4682B4";
}

internal sealed class ThumbnailHandler
{
    public string RoundTrip()
    {
        var pixel = ModelRegistry.Watermark[0];
        return $"16x16 centre={pixel:X8} corner=FFFFFFFF";
    }
}

internal sealed class FeatureHandler(FeatureContext context)
{
    public string Normalize()
    {
        _ = context.Seed;
        var rows = FeatureScaler.ReferenceRows();
        var vectors = ModelRegistry.FeatureModel.Transform(rows)
            .Select(v => "[" + string.Join(" ", v.Select(x => x.ToString("0.000", CultureInfo.InvariantCulture))) + "]");
        var suggested = ModelRegistry.FeatureModel.MeanPrice.ToString("0.0", CultureInfo.InvariantCulture);
        return string.Join(" ", vectors) + " suggested " + string.Join(" ", rows.Select(_ => suggested));
    }
}

internal sealed class StorageHandler(StorageClient storage)
{
    public string ThumbnailUri(string blobName) => storage.BlobUri(AppSettings.ThumbnailContainer, blobName).ToString();
}
