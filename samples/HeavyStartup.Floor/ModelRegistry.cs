namespace HeavyStartup.Floor;

/// <summary>Same statics as the sample, with stand-in values.</summary>
internal static class ModelRegistry
{
    public static readonly string Version = "2026.11";

    public static readonly VectorDoubler Scorer = new VectorDoubler();

    /// <summary>4x4 RGBA pixels.</summary>
    public static readonly uint[] Watermark = CreateWatermark();

    public static readonly FeatureScaler FeatureModel = FeatureScaler.Fit(new FeatureContext(seed: 1), FeatureScaler.ReferenceRows());

    // Stand-in for decoding the PNG: reads the asset, then fills the pixels it holds.
    private static uint[] CreateWatermark()
    {
        _ = Assets.WatermarkPng();
        var pixels = new uint[16];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = 0xC81E3CFF;
        }

        return pixels;
    }
}
