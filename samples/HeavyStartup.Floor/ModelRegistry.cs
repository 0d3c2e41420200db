namespace HeavyStartup.Floor;

/// <summary>
/// The sample's statics with stand-in values. Only <see cref="Version"/>, which the ready line prints, is set
/// when the class is first touched; each model is built by its own holder class on its first read.
/// </summary>
internal static class ModelRegistry
{
    public static readonly string Version = "2026.11";

    public static VectorDoubler Scorer => ScorerHolder.Value;

    /// <summary>4x4 RGBA pixels.</summary>
    public static uint[] Watermark => WatermarkHolder.Value;

    public static FeatureScaler FeatureModel => FeatureModelHolder.Value;

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

    private static class ScorerHolder
    {
        public static readonly VectorDoubler Value = new VectorDoubler();
    }

    private static class WatermarkHolder
    {
        public static readonly uint[] Value = CreateWatermark();
    }

    private static class FeatureModelHolder
    {
        public static readonly FeatureScaler Value = FeatureScaler.Fit(new FeatureContext(seed: 1), FeatureScaler.ReferenceRows());
    }
}
