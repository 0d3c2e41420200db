using System;
using System.Collections.Generic;

namespace LazyMigrate.LoadingDifferential;

/// <summary>
/// One heavy package as the generated programs use it: what to reference, the type they build, how they build it
/// and a cheap member read that proves the object works. <see cref="Use"/> returns a C# expression of type string.
/// </summary>
internal sealed record HeavyPackage(
    string Key,
    string CatalogName,
    string[] PackageReferences,
    string[] Usings,
    string Type,
    string New,
    Func<string, string> Use,
    string? DerivedDeclaration = null,
    string? DerivedType = null,
    Func<string, string>? DerivedUse = null)
{
    public static readonly HeavyPackage EfCore = new(
        "ef", "Microsoft.EntityFrameworkCore",
        new[] { "Microsoft.EntityFrameworkCore.Sqlite" },
        new[] { "Microsoft.Data.Sqlite", "Microsoft.EntityFrameworkCore" },
        "SqliteConnection",
        "new SqliteConnection(\"Data Source=:memory:\")",
        x => $"{x}.ConnectionString",
        """
        public sealed class AppDb : DbContext
        {
            protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseSqlite("Data Source=:memory:");

            public string Describe() => Database.ProviderName ?? "none";
        }
        """,
        "AppDb",
        x => $"{x}.Describe()");

    public static readonly HeavyPackage Onnx = new(
        "onnx", "Microsoft.ML.OnnxRuntime",
        new[] { "Microsoft.ML.OnnxRuntime" },
        // The alias wins over Microsoft.AspNetCore.Builder.SessionOptions in the web programs.
        new[] { "Microsoft.ML.OnnxRuntime", "SessionOptions = Microsoft.ML.OnnxRuntime.SessionOptions" },
        "SessionOptions",
        "new SessionOptions()",
        x => $"{x}.GraphOptimizationLevel.ToString()");

    public static readonly HeavyPackage Magick = new(
        "magick", "Magick.NET",
        new[] { "Magick.NET-Q8-x64" },
        new[] { "ImageMagick" },
        "MagickImage",
        "new MagickImage(MagickColors.Red, 2, 2)",
        x => $"{x}.Width.ToString()");

    public static readonly HeavyPackage ImageSharp = new(
        "imagesharp", "SixLabors.ImageSharp",
        new[] { "SixLabors.ImageSharp" },
        new[] { "SixLabors.ImageSharp", "SixLabors.ImageSharp.PixelFormats" },
        "Image<Rgba32>",
        "new Image<Rgba32>(2, 2)",
        x => $"{x}.Width.ToString()");

    public static readonly HeavyPackage MlNet = new(
        "ml", "Microsoft.ML",
        new[] { "Microsoft.ML" },
        new[] { "Microsoft.ML" },
        "MLContext",
        "new MLContext(seed: 1)",
        x => $"{x}.Model.GetType().Name");

    public static readonly HeavyPackage Azure = new(
        "azure", "Azure SDK",
        new[] { "Azure.Storage.Blobs" },
        new[] { "Azure.Storage.Blobs" },
        "BlobServiceClient",
        "new BlobServiceClient(\"UseDevelopmentStorage=true\")",
        x => $"{x}.AccountName",
        """
        public sealed class AppBlobs : BlobServiceClient
        {
            public AppBlobs()
                : base("UseDevelopmentStorage=true")
            {
            }
        }
        """,
        "AppBlobs",
        x => $"{x}.AccountName");

    public static IReadOnlyList<HeavyPackage> All { get; } = new[] { EfCore, Onnx, Magick, ImageSharp, MlNet, Azure };
}
