using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace HeavyStartup;

/// <summary>
/// The product-feature pipeline (ML.NET): concatenate weight and volume, min-max normalize, and fit a
/// small price regression (L-BFGS, one thread so the result is the same on every run). Fitted once on
/// the catalog's reference rows, the way apps fit or load their models at startup.
/// </summary>
internal static class FeaturePipeline
{
    /// <summary>The reference rows the normalizer is fitted on (and the rows the feature report shows).</summary>
    public static FeatureRow[] ReferenceRows() => new[]
    {
        new FeatureRow { Weight = 0.2f, Volume = 0.1f, Price = 7.5f },
        new FeatureRow { Weight = 0.9f, Volume = 0.6f, Price = 12f },
        new FeatureRow { Weight = 0.4f, Volume = 0.05f, Price = 24.9f },
        new FeatureRow { Weight = 0.3f, Volume = 0.2f, Price = 9.9f },
    };

    public static ITransformer Fit(MLContext ml)
    {
        var data = ml.Data.LoadFromEnumerable(ReferenceRows());
        var trainer = ml.Regression.Trainers.LbfgsPoissonRegression(new LbfgsPoissonRegressionTrainer.Options
        {
            LabelColumnName = nameof(FeatureRow.Price),
            FeatureColumnName = "Features",
            NumberOfThreads = 1,
        });
        var pipeline = ml.Transforms.Concatenate("Features", nameof(FeatureRow.Weight), nameof(FeatureRow.Volume))
            .Append(ml.Transforms.NormalizeMinMax("Features"))
            .Append(trainer);
        return pipeline.Fit(data);
    }

    /// <summary>One row of product features, with the price as the label.</summary>
    public sealed class FeatureRow
    {
        public float Weight { get; set; }

        public float Volume { get; set; }

        public float Price { get; set; }
    }
}
