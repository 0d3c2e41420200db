using System;
using System.Collections.Generic;
using System.Linq;

namespace HeavyStartup.Floor;

/// <summary>Stand-in for Magick.NET's format table.</summary>
internal static class StandInCodecs
{
    public static IReadOnlyList<string> SupportedFormats { get; } = new[] { "PNG", "JPEG", "JXL", "AVIF" };
}

/// <summary>Stand-in for ML.NET's MLContext.</summary>
internal sealed class FeatureContext(int seed)
{
    public int Seed { get; } = seed;
}

/// <summary>
/// Stand-in for the fitted ML.NET pipeline: per-column scale learned from the reference rows
/// (weight, volume; the last column is the price) and the mean price as the suggestion.
/// </summary>
internal sealed class FeatureScaler(float[] columnMax, float meanPrice)
{
    public static float[][] ReferenceRows() => new[]
    {
        new[] { 0.2f, 0.1f, 7.5f }, new[] { 0.9f, 0.6f, 12f }, new[] { 0.4f, 0.05f, 24.9f }, new[] { 0.3f, 0.2f, 9.9f },
    };

    public float MeanPrice { get; } = meanPrice;

    public static FeatureScaler Fit(FeatureContext context, float[][] rows)
    {
        _ = context.Seed;
        var max = new float[rows[0].Length - 1];
        for (var c = 0; c < max.Length; c++)
        {
            max[c] = rows.Max(r => Math.Abs(r[c]));
        }

        return new FeatureScaler(max, rows.Average(r => r[^1]));
    }

    public float[][] Transform(float[][] rows) =>
        rows.Select(r => r.Take(columnMax.Length).Select((v, c) => columnMax[c] == 0 ? 0 : v / columnMax[c]).ToArray()).ToArray();
}

/// <summary>Stand-in for the Azure BlobServiceClient: builds the emulator URI by hand.</summary>
internal sealed class StorageClient(string connectionString)
{
    public string ConnectionString { get; } = connectionString;

    public Uri BlobUri(string container, string blob) => new($"http://127.0.0.1:10000/devstoreaccount1/{container}/{blob}");
}

/// <summary>Stand-in for the ONNX session: doubles the input vector.</summary>
internal sealed class VectorDoubler
{
    public float[] Run(float[] input) => input.Select(v => v + v).ToArray();
}
