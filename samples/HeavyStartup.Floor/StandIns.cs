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

    public float[][] NormalizeMinMax(float[][] rows)
    {
        var columns = rows[0].Length;
        var result = rows.Select(r => new float[columns]).ToArray();
        for (var c = 0; c < columns; c++)
        {
            var max = rows.Max(r => Math.Abs(r[c]));
            for (var r = 0; r < rows.Length; r++)
            {
                result[r][c] = max == 0 ? 0 : rows[r][c] / max;
            }
        }

        return result;
    }
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
