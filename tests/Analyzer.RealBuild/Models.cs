using System;
using ImageMagick;
using Microsoft.ML.OnnxRuntime;

namespace RealBuild;

public static class Models
{
    public const string Banner = "real build";
    private static readonly SessionOptions s_options = new SessionOptions(); // LZM0001
    public static string Formats { get; } = MagickNET.Features; // LZM0001
    public static readonly Lazy<SessionOptions> LazyOptions = new(() => new SessionOptions());
    public static SessionOptions Options => LazyOptions.Value;
}

public static class Bootstrap
{
    public static void Prepare() => Load();

    private static void Load()
    {
        var image = new MagickImage(); // LZM0008
        image.Dispose();
    }

    public static void Configure()
    {
        MagickNET.Initialize(); // LZM0002
    }
}
