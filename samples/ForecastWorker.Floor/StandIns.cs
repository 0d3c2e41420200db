using System.Collections.Generic;
using System.Linq;

namespace ForecastWorker.Floor;

/// <summary>The app's reading row, without the database.</summary>
public sealed class Reading
{
    public string Station { get; init; } = "";

    public int Day { get; init; }

    public float Celsius { get; init; }
}

/// <summary>Stand-in for the app's database: the same rows, made on the first query.</summary>
public sealed class ReadingsStore
{
    private static readonly string[] Stations = { "north", "harbour", "airport" };

    private List<Reading>? _rows;

    public IEnumerable<Reading> Readings => _rows ??= Seed().ToList();

    private static IEnumerable<Reading> Seed()
    {
        for (var s = 0; s < Stations.Length; s++)
        {
            for (var day = 1; day <= 14; day++)
            {
                yield return new Reading { Station = Stations[s], Day = day, Celsius = (day * 7 + s * 11) % 25 - 4 };
            }
        }
    }
}

/// <summary>The app's model registry with the same cheap version string; the models are made on first use.</summary>
public static class ForecastModels
{
    public static readonly string Version = "2026.12-weekly";

    private static StandInSquare? _residuals;
    private static StandInScaler? _trendScaler;

    public static StandInSquare Residuals => _residuals ??= new StandInSquare();

    public static StandInScaler TrendScaler => _trendScaler ??= new StandInScaler();
}

/// <summary>Stand-in for the ONNX residual model: squares each reading.</summary>
public sealed class StandInSquare
{
    public float[] Run(float[] x) => x.Select(v => v * v).ToArray();
}

/// <summary>Stand-in for the fitted trend scaler: divides by the reference range's largest magnitude (20 °C).</summary>
public sealed class StandInScaler
{
    private const float Scale = 1f / 20f;

    public float Transform(float celsius) => celsius * Scale;
}
