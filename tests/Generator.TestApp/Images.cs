// [LazyValue] partial properties as a user writes them; the generator writes their getters (obj/ when
// EmitCompilerGeneratedFiles is on). Nothing in this file names a heavy type outside the properties
// and their factories.
using System.Threading;
using LazyMigrate;
using Microsoft.ML.OnnxRuntime;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LazyMigrate.Generator.TestApp;

/// <summary>A startup class: one cheap static and two generated lazy values.</summary>
internal static partial class Images
{
    public static readonly int Cheap = 45;

    // How many times each factory ran (read by the app, never touching a property).
    public static int BlankBuilds;
    public static int OnnxBuilds;

    // A generic heavy class over a heavy struct, package named.
    [LazyValue("SixLabors.ImageSharp")]
    public static partial Image<Rgba32> Blank { get; }

    // A plain heavy class, package taken from the catalog (the assembly of SessionOptions).
    [LazyValue(Factory = nameof(MakeOptions))]
    public static partial SessionOptions Onnx { get; }

    private static Image<Rgba32> CreateBlank()
    {
        Interlocked.Increment(ref BlankBuilds);

        // Slow enough that 64 threads arriving together all find the build in progress.
        Thread.Sleep(200);
        return new Image<Rgba32>(64, 48);
    }

    private static SessionOptions MakeOptions()
    {
        Interlocked.Increment(ref OnnxBuilds);
        return new SessionOptions();
    }
}
