using System;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using ImageMagick;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LazyMigrate.AspNetCore.Tests;

/// <summary>
/// Registers real heavy NuGet packages in a fresh registry, each with a warm-up that does real
/// work (open a SQLite database through EF Core, initialise ONNX Runtime, encode an image with
/// Magick.NET). The warm-ups are separate no-inlining methods so the heavy types load only when
/// the package loads, never when a test method is compiled.
/// </summary>
internal static class HeavyPackages
{
    public const string EfCore = "Microsoft.EntityFrameworkCore";
    public const string Onnx = "Microsoft.ML.OnnxRuntime";
    public const string Magick = "Magick.NET";
    public const string NetVips = "NetVips";
    public const string Missing = "Contoso.NotInstalled";

    public static LazyPackage RegisterEfCore(LazyPackageRegistry registry, int priority)
        => registry.Register(EfCore, priority,
            new[] { "Microsoft.EntityFrameworkCore", "Microsoft.EntityFrameworkCore.Sqlite", "Microsoft.EntityFrameworkCore.Relational", "Microsoft.Data.Sqlite", "SQLitePCLRaw.*" },
            new[] { "e_sqlite3" },
            WarmUpEfCore);

    public static LazyPackage RegisterOnnx(LazyPackageRegistry registry, int priority)
        => registry.Register(Onnx, priority, new[] { "Microsoft.ML.OnnxRuntime" }, new[] { "onnxruntime" }, WarmUpOnnx);

    public static LazyPackage RegisterMagick(LazyPackageRegistry registry, int priority)
        => registry.Register(Magick, priority, new[] { "Magick.NET-Q8-x64", "Magick.NET.Core" }, new[] { "Magick.Native-Q8-x64" }, WarmUpMagick);

    /// <summary>
    /// NetVips referenced with only its Windows native package: the managed assembly loads, libvips
    /// does not (the warm-up's first call into it fails), as for any app that ships the wrong natives.
    /// </summary>
    public static LazyPackage RegisterNetVips(LazyPackageRegistry registry, int priority)
        => registry.Register(NetVips, priority, new[] { "NetVips" }, new[] { "vips", "vips-42" }, WarmUpNetVips);

    /// <summary>A package whose assembly the app does not contain.</summary>
    public static LazyPackage RegisterMissing(LazyPackageRegistry registry, int priority)
        => registry.Register(Missing, priority, new[] { "Contoso.NotInstalled" });

    /// <summary>A package (the test assembly itself) whose warm-up blocks until the test opens the gate.</summary>
    public static LazyPackage RegisterGate(LazyPackageRegistry registry, string name, int priority, ManualResetEventSlim gate)
        => registry.Register(name, priority, new[] { typeof(HeavyPackages).Assembly.GetName().Name! }, warmUp: () =>
        {
            // Bounded so that a failing test cannot leave a thread blocked forever.
            if (!gate.Wait(TimeSpan.FromMinutes(2)))
            {
                throw new TimeoutException($"Gate of package '{name}' was never opened by the test.");
            }
        });

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void WarmUpEfCore()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        var options = new DbContextOptionsBuilder<WarmUpDbContext>().UseSqlite(connection).Options;
        using var db = new WarmUpDbContext(options);
        db.Database.EnsureCreated();
        db.Items.Add(new WarmUpItem { Name = "warm-up" });
        db.SaveChanges();
        if (db.Items.Count() != 1)
        {
            throw new InvalidOperationException("EF Core warm-up did not read back its row.");
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void WarmUpOnnx()
    {
        using var options = new Microsoft.ML.OnnxRuntime.SessionOptions();
        options.GraphOptimizationLevel = Microsoft.ML.OnnxRuntime.GraphOptimizationLevel.ORT_ENABLE_ALL;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void WarmUpMagick()
    {
        using var image = new MagickImage(MagickColors.Red, 8, 8);
        if (image.ToByteArray(MagickFormat.Png).Length == 0)
        {
            throw new InvalidOperationException("Magick.NET warm-up produced no PNG bytes.");
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void WarmUpNetVips()
    {
        using var image = global::NetVips.Image.Black(1, 1);
    }
}

internal sealed class WarmUpDbContext : DbContext
{
    public WarmUpDbContext(DbContextOptions<WarmUpDbContext> options)
        : base(options)
    {
    }

    public DbSet<WarmUpItem> Items => Set<WarmUpItem>();
}

internal sealed class WarmUpItem
{
    public int Id { get; set; }

    public string Name { get; set; } = string.Empty;
}
