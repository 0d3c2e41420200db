using System.Linq;
using Microsoft.ML;
using Microsoft.ML.OnnxRuntime;

namespace ForecastWorker;

/// <summary>
/// The worker's models. The ready line prints <see cref="Version"/>, which runs every static initializer
/// here: the class has no static constructor.
/// </summary>
public static class ForecastModels
{
    public static readonly string Version = "2026.12-weekly";

    /// <summary>The residual model: squares the last three readings (a tiny ONNX graph built in memory).</summary>
    public static readonly InferenceSession Residuals = new(SquareModel.Build(3));

    /// <summary>The trend scaler, fitted on the reference range of readings (−4 °C to 20 °C).</summary>
    public static readonly ITransformer TrendScaler = FitTrendScaler(new MLContext(seed: 7));

    private static ITransformer FitTrendScaler(MLContext ml)
    {
        var reference = ml.Data.LoadFromEnumerable(new[] { -4f, 2f, 8f, 14f, 20f }.Select(c => new TrendInput { Celsius = c }));
        return ml.Transforms.NormalizeMinMax("Scaled", "Celsius").Fit(reference);
    }
}

/// <summary>The trend scaler's input row.</summary>
public sealed class TrendInput
{
    public float Celsius { get; set; }
}

/// <summary>The trend scaler's output row.</summary>
public sealed class TrendOutput
{
    public float Celsius { get; set; }

    public float Scaled { get; set; }
}
