// The exact shape the LZM0001 code fix generates for heavy class types (docs/rules/LZM0001.md): a
// LazyValue proxy, a [NoInlining] factory and a nested [LazyValueHolder] class whose static readonly
// field is initialized on its first read, from the getter. The "holders" mode proves that the holder
// shape loads nothing heavy with the declaring class, builds nothing when a method that inlines the
// getter is compiled, and builds on first access.
using System.Runtime.CompilerServices;
using Microsoft.ML.OnnxRuntime;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LazyMigrate.Runtime.HeavyApp;

/// <summary>A startup class with one cheap static and two lazy values in the holder shape.</summary>
internal static class HeldHolder
{
    public static readonly int Cheap = 45;

    // A non-generic heavy class (its assembly also brings the ONNX Runtime native library).
    public static SessionOptions Onnx => OnnxHolder.Value ?? s_onnx.Get<SessionOptions>();

    private static readonly LazyValue s_onnx = new("Microsoft.ML.OnnxRuntime", CreateOnnx);

    // A generic heavy class instantiated over a heavy struct (Rgba32 lives in SixLabors.ImageSharp too).
    public static Image<Rgba32> Image => ImageHolder.Value ?? s_image.Get<Image<Rgba32>>();

    private static readonly LazyValue s_image = new("SixLabors.ImageSharp", CreateImage);

    // Not generated: the same getter forced inline (the JIT does not inline Onnx into a branch it
    // never saw taken), to prove that compiling an inlined holder read runs no static constructor.
    public static SessionOptions OnnxInlined
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => OnnxHolder.Value ?? s_onnx.Get<SessionOptions>();
    }

    // Not generated: lets the app ask whether a factory ran, without touching a holder.
    public static bool OnnxBuilt => s_onnx.IsValueCreated;

    public static string? OnnxFirstUse => s_onnx.FirstUseSite;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static object CreateOnnx() => new SessionOptions();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static object CreateImage() => new Image<Rgba32>(3, 2);

    [LazyValueHolder]
    private static class OnnxHolder
    {
        public static readonly SessionOptions? Value = s_onnx.GetOrDefault<SessionOptions>();
    }

    [LazyValueHolder]
    private static class ImageHolder
    {
        public static readonly Image<Rgba32>? Value = s_image.GetOrDefault<Image<Rgba32>>();
    }
}

/// <summary>Callers of the holder-shaped getters, never inlined into Main (which must name no heavy type).</summary>
internal static class HeldAccess
{
    // Compiling these methods (fully optimized with DOTNET_TieredCompilation=0, or rejitted at tier 1
    // after many calls) must not run the holder's static constructor, i.e. must not build the value,
    // while the branch is not taken. On .NET 10 the JIT keeps the call to get_Onnx in ColdBranch
    // (DOTNET_JitDisasm) and inlines OnnxInlined in ColdBranchInlined (the holder read then goes
    // through the static-base helper, which initializes the class at run time, not at compile time).
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static string ColdBranch(bool take) => take ? HeldHolder.Onnx.GetType().Name : "skipped";

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static string ColdBranchInlined(bool take) => take ? HeldHolder.OnnxInlined.GetType().Name : "skipped";

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static string Onnx()
    {
        var first = HeldHolder.Onnx;
        var second = HeldHolder.Onnx;
        return $"{first.GetType().Name}|{ReferenceEquals(first, second)}";
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static string Image()
    {
        var first = HeldHolder.Image;
        var second = HeldHolder.Image;
        return $"{first.GetType().Name} {first.Width}x{first.Height}|{ReferenceEquals(first, second)}";
    }
}
