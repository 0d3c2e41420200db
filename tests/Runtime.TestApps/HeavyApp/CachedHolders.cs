// The exact shape the LZM0001 code fix generates for class types (docs/rules/LZM0001.md): a
// LazyValue proxy, a cache field of the heavy class type, a getter that reads the cache first and a
// [NoInlining] factory. Unlike HeavyHolder, these holders name heavy types in field signatures: the
// "cache-fields" mode proves that such fields still load nothing heavy with the declaring class.
using System.Runtime.CompilerServices;
using Microsoft.ML.OnnxRuntime;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LazyMigrate.Runtime.HeavyApp;

/// <summary>A startup class with one cheap static and two cached lazy values.</summary>
internal static class CachedHolder
{
    public static readonly int Cheap = 43;

    // A non-generic heavy class (its assembly also brings the ONNX Runtime native library).
    public static SessionOptions Onnx => s_onnxValue ??= s_onnx.Get<SessionOptions>();

    private static readonly LazyValue s_onnx = new("Microsoft.ML.OnnxRuntime", CreateOnnx);
    private static SessionOptions? s_onnxValue;

    // A generic heavy class instantiated over a heavy struct (Rgba32 lives in SixLabors.ImageSharp too).
    public static Image<Rgba32> Image => s_imageValue ??= s_image.Get<Image<Rgba32>>();

    private static readonly LazyValue s_image = new("SixLabors.ImageSharp", CreateImage);
    private static Image<Rgba32>? s_imageValue;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static object CreateOnnx() => new SessionOptions();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static object CreateImage() => new Image<Rgba32>(3, 2);
}

/// <summary>
/// The control: a static field of a heavy struct type. The runtime needs the struct's size to lay
/// out the class, so touching the cheap static loads the struct's assembly (docs/clr-loading.md, fact 6). This is
/// why the fix does not cache structs and enums, and it shows the "cache-fields" check can see a load.
/// </summary>
internal static class StructFieldHolder
{
    public static readonly int Cheap = 44;

    public static Rgba32 Pixel { get; set; }
}

/// <summary>Callers of the holders' heavy getters, never inlined into Main (which must name no heavy type).</summary>
internal static class CachedAccess
{
    // Compiling a method that reads StructFieldHolder.Cheap loads the class (and the struct's
    // assembly) at JIT time, so the read sits here, after the caller's "before" check.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int StructHolderCheap() => StructFieldHolder.Cheap;

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static string Onnx()
    {
        var first = CachedHolder.Onnx;
        var second = CachedHolder.Onnx;
        return $"{first.GetType().Name}|{ReferenceEquals(first, second)}";
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static string Image()
    {
        var first = CachedHolder.Image;
        var second = CachedHolder.Image;
        return $"{first.GetType().Name} {first.Width}x{first.Height}|{ReferenceEquals(first, second)}";
    }
}
