using System;
using System.Runtime.CompilerServices;

namespace LazyMigrate.Runtime.HeavyApp;

/// <summary>Every heavy type of the app is named here only, in methods the JIT compiles on first call.</summary>
internal static class Factories
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static object CreateMagickImage()
    {
        var image = new ImageMagick.MagickImage(ImageMagick.MagickColors.Red, 2, 2);
        return $"MagickImage {image.Width}x{image.Height}";
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static object CreateOnnxOptions()
    {
        using var options = new Microsoft.ML.OnnxRuntime.SessionOptions();
        return $"SessionOptions {options.GraphOptimizationLevel}";
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static object OpenSqlite()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "select sqlite_version()";
        return $"sqlite {command.ExecuteScalar()}";
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static object CreateVipsImage()
    {
        using var image = NetVips.Image.Black(2, 2);
        return $"vips image {image.Width}x{image.Height}";
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static string MagickSupport(string format)
    {
        var info = ImageMagick.MagickFormatInfo.Create(Enum.Parse<ImageMagick.MagickFormat>(format));
        return info is null ? "none" : $"{info.SupportsReading}|{info.SupportsWriting}";
    }
}
