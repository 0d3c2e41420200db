using Microsoft.ML;
using Microsoft.ML.OnnxRuntime;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace HeavyStartup;

/// <summary>
/// The models and image assets the app uses. Touching <see cref="Version"/> runs every initializer below:
/// the class has no static constructor, so all static fields are initialized on first access to any of them.
/// </summary>
internal static class ModelRegistry
{
    public static readonly string Version = "2026.11";

    /// <summary>The scoring model: adds a feature vector to itself (a tiny ONNX graph built in memory).</summary>
    public static readonly InferenceSession Scorer = new InferenceSession(OnnxModelBuilder.AddModel(featureCount: 3));

    /// <summary>The watermark stamped on thumbnails.</summary>
    public static readonly Image<Rgba32> Watermark = Image.Load<Rgba32>(Assets.WatermarkPng());

    /// <summary>The product-feature model (ML.NET): normalizer and price regression, fitted on the reference rows.</summary>
    public static readonly ITransformer FeatureModel = FeaturePipeline.Fit(new MLContext(seed: 1));
}
