using System;
using System.Collections.Generic;
using System.Linq;

namespace LazyMigrate.Runtime.Tests;

/// <summary>Behaviour that needs a fresh process with real heavy packages (tests/Runtime.TestApps/HeavyApp).</summary>
public sealed class ChildProcessTests : IClassFixture<HeavyAppFixture>
{
    // The managed assemblies and native libraries of Magick.NET, ONNX Runtime and EF Core Sqlite.
    private static readonly string[] s_heavyAssemblies =
    {
        "Magick.NET-Q8-x64", "Magick.NET.Core", "Microsoft.ML.OnnxRuntime", "Microsoft.EntityFrameworkCore",
        "Microsoft.EntityFrameworkCore.Sqlite", "Microsoft.EntityFrameworkCore.Relational", "Microsoft.Data.Sqlite", "SQLitePCLRaw.core",
    };

    private static readonly string[] s_heavyNatives = { "Magick.Native-Q8-x64.dll.so", "libonnxruntime.so", "libe_sqlite3.so" };

    private readonly HeavyAppFixture _app;

    public ChildProcessTests(HeavyAppFixture app)
    {
        _app = app;
    }

    [Fact]
    public void Declaring_lazy_values_loads_no_heavy_assembly_or_native_library_until_first_access()
    {
        var output = _app.Run("declare");
        Assert.True(output.ExitCode == 0, output.ToString());

        // The holder class's static constructor ran (its cheap static was read) ...
        Assert.Equal("42", output.Value("CHEAP"));
        var before = output.Values("BEFORE-ASM");
        var beforeNative = output.Values("BEFORE-SO");
        Assert.Contains("LazyMigrate.Runtime", before);

        // ... yet none of the heavy packages' assemblies or native libraries is loaded.
        Assert.Empty(s_heavyAssemblies.Intersect(before));
        Assert.Empty(s_heavyNatives.Intersect(beforeNative));

        // First access loads them and builds real values.
        Assert.Equal("MagickImage 2x2", output.Value("VALUE-MAGICK"));
        Assert.StartsWith("SessionOptions", output.Value("VALUE-ONNX"));
        Assert.StartsWith("sqlite 3.", output.Value("VALUE-SQLITE"));
        var after = output.Values("AFTER-ASM");
        var afterNative = output.Values("AFTER-SO");
        Assert.Empty(s_heavyAssemblies.Except(after));
        Assert.Empty(s_heavyNatives.Except(afterNative));

        // Status names the first-use call site (the property getter in the app) as the trigger.
        var status = output.Values("STATUS").Select(s => s.Split('|')).ToDictionary(s => s[0], s => s);
        Assert.Equal("Loaded", status["Magick.NET"][1]);
        Assert.Contains("HeavyHolder.get_Magick", status["Magick.NET"][2]);
        Assert.Equal("Loaded", status["Microsoft.ML.OnnxRuntime"][1]);

        // "Microsoft.EntityFrameworkCore.Sqlite" resolved to the catalog's EF Core package.
        Assert.Equal("Loaded", status["Microsoft.EntityFrameworkCore"][1]);
        Assert.Contains("HeavyHolder.get_Sqlite", status["Microsoft.EntityFrameworkCore"][2]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Cache_fields_of_heavy_class_types_load_nothing_with_the_declaring_class_and_cache_on_first_access(bool fullyOptimizingJit)
    {
        // CachedHolder is the LZM0001 fix's output for class types: beside each LazyValue proxy, a
        // static cache field of the heavy class type (SessionOptions, and the generic Image<Rgba32>
        // over a heavy struct). Checked with tiered compilation and with every method fully optimized.
        var environment = new Dictionary<string, string>();
        if (fullyOptimizingJit)
        {
            environment["DOTNET_TieredCompilation"] = "0";
        }

        var output = _app.Run("cache-fields", environment);
        Assert.True(output.ExitCode == 0, output.ToString());

        // The class's static constructor ran (its cheap static was read) ...
        Assert.Equal("43", output.Value("CHEAP"));
        var before = output.Values("BEFORE-ASM");
        Assert.Contains("LazyMigrate.Runtime", before);

        // ... and neither the heavy class's nor the generic instantiation's assembly (nor ONNX's native library) is loaded.
        Assert.DoesNotContain("Microsoft.ML.OnnxRuntime", before);
        Assert.DoesNotContain("SixLabors.ImageSharp", before);
        Assert.DoesNotContain("libonnxruntime.so", output.Values("BEFORE-SO"));

        // First access to each value loads its package, builds the value once and caches it.
        Assert.Equal("SessionOptions|True", output.Value("VALUE-ONNX"));
        Assert.Contains("Microsoft.ML.OnnxRuntime", output.Values("AFTER-ONNX-ASM"));
        Assert.Contains("libonnxruntime.so", output.Values("AFTER-ONNX-SO"));
        Assert.DoesNotContain("SixLabors.ImageSharp", output.Values("AFTER-ONNX-ASM"));

        Assert.Equal("Image`1 3x2|True", output.Value("VALUE-IMAGE"));
        Assert.Contains("SixLabors.ImageSharp", output.Values("AFTER-IMAGE-ASM"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Holder_classes_load_nothing_with_the_declaring_class_build_nothing_when_compiled_and_build_on_first_access(bool fullyOptimizingJit)
    {
        // HeldHolder is the LZM0001 fix's output for class types with the runtime: each value in a
        // nested [LazyValueHolder] class's static readonly field (SessionOptions, and the generic
        // Image<Rgba32> over a heavy struct). Checked with tiered compilation and with every method fully optimized.
        var environment = new Dictionary<string, string>();
        if (fullyOptimizingJit)
        {
            environment["DOTNET_TieredCompilation"] = "0";
        }

        var output = _app.Run("holders", environment);
        Assert.True(output.ExitCode == 0, output.ToString());

        // The class's static constructor ran (its cheap static was read), loading no heavy assembly or native library.
        Assert.Equal("45", output.Value("CHEAP"));
        var before = output.Values("BEFORE-ASM");
        Assert.Contains("LazyMigrate.Runtime", before);
        Assert.DoesNotContain("Microsoft.ML.OnnxRuntime", before);
        Assert.DoesNotContain("SixLabors.ImageSharp", before);
        Assert.DoesNotContain("libonnxruntime.so", output.Values("BEFORE-SO"));

        // Compiling (and running 600 times) methods with the getter in a branch never taken, called
        // and forced inline, names SessionOptions (its managed assembly loads, as for any method naming
        // it) but does not run the holder's static constructor: the factory did not run and the native
        // library is not loaded.
        Assert.Equal("skipped,skipped|built=False", output.Value("COLD"));
        Assert.DoesNotContain("libonnxruntime.so", output.Values("AFTER-COLD-SO"));

        // First access builds each value once; the holder then returns the same instance.
        Assert.Equal("SessionOptions|True", output.Value("VALUE-ONNX"));
        Assert.Contains("libonnxruntime.so", output.Values("AFTER-ONNX-SO"));
        Assert.DoesNotContain("SixLabors.ImageSharp", output.Values("AFTER-ONNX-ASM"));

        // The first-use site is the getter, not the holder's static constructor that ran the build.
        Assert.Matches(@"^LazyMigrate\.Runtime\.HeavyApp\.HeldHolder\.get_Onnx in .*HolderShapes\.cs:\d+$", output.Value("ONNX-FIRSTUSE"));

        Assert.Equal("Image`1 3x2|True", output.Value("VALUE-IMAGE"));
        Assert.Contains("SixLabors.ImageSharp", output.Values("AFTER-IMAGE-ASM"));
    }

    [Fact]
    public void Static_field_of_a_heavy_struct_type_loads_its_assembly_with_the_declaring_class()
    {
        // The control for the test above (and the reason the fix caches no struct or enum): the
        // same check does see a load when the field's type is a heavy struct.
        var output = _app.Run("struct-field");
        Assert.True(output.ExitCode == 0, output.ToString());

        Assert.Equal("False", output.Value("IMAGESHARP-BEFORE"));
        Assert.Equal("44", output.Value("CHEAP"));
        Assert.Equal("True", output.Value("IMAGESHARP-AFTER"));
    }

    [Fact]
    public void Ml_net_loads_its_member_assemblies_and_leaves_onnx_runtime_to_its_own_package()
    {
        var output = _app.Run("ml-family");
        Assert.True(output.ExitCode == 0, output.ToString());

        Assert.Equal("True", output.Value("AVAILABLE"));
        Assert.Equal("Loaded", output.Value("STATE"));
        var loaded = output.Value("LOADED").Split(',');
        Assert.Contains("Microsoft.ML.Data", loaded);
        Assert.Contains("Microsoft.ML.Core", loaded);
        Assert.DoesNotContain("Microsoft.ML.OnnxRuntime", loaded);
        Assert.Equal("False", output.Value("ONNX-LOADED"));
    }

    [Fact]
    public void Availability_probe_answers_from_the_dependency_list_and_loads_nothing()
    {
        var output = _app.Run("probe");
        Assert.True(output.ExitCode == 0, output.ToString());

        Assert.Equal("True", output.Value("PACKAGE Magick.NET"));
        Assert.Equal("True", output.Value("PACKAGE Microsoft.ML.OnnxRuntime"));
        Assert.Equal("True", output.Value("PACKAGE Microsoft.EntityFrameworkCore"));
        Assert.Equal("True", output.Value("PACKAGE NetVips"));
        Assert.Equal("False", output.Value("PACKAGE TorchSharp"));
        Assert.Equal("False", output.Value("PACKAGE Contoso.NotInThisApp"));
        Assert.Equal("True", output.Value("ASSEMBLY Magick.NET-Q8-x64"));
        Assert.Equal("True", output.Value("ASSEMBLY SQLitePCLRaw.*"));
        Assert.Equal("False", output.Value("ASSEMBLY TorchSharp"));
        Assert.Equal("False", output.Value("ASSEMBLY Azure.*"));
        Assert.Equal("True", output.Value("AVAILABLE Magick.NET"));
        Assert.Equal("False", output.Value("AVAILABLE SkiaSharp"));

        var loaded = output.Values("AFTER-ASM");
        Assert.Empty(s_heavyAssemblies.Concat(new[] { "NetVips" }).Intersect(loaded));
        Assert.Empty(s_heavyNatives.Concat(new[] { "libvips.so.42" }).Intersect(output.Values("AFTER-SO")));
    }

    [Fact]
    public void Native_library_that_cannot_load_is_reported_with_package_library_and_both_sites()
    {
        // The app references NetVips with only its Windows native assets: libvips cannot load on Linux.
        var output = _app.Run("netvips");
        Assert.True(output.ExitCode == 0, output.ToString());

        Assert.Equal("NetVips", output.Value("PACKAGE"));
        Assert.Equal("native library 'libvips.so.42'", output.Value("COMPONENT"));
        Assert.Matches(@"HeavyApp/Program\.cs:\d+ \(s_image\)$", output.Value("DECLARATION"));
        Assert.Matches(@"VipsHolder\.get_Image in .*HeavyApp/Program\.cs:\d+$", output.Value("FIRSTUSE"));
        Assert.Equal(typeof(DllNotFoundException).FullName, output.Value("INNER"));

        var message = output.Value("MESSAGE");
        Assert.Contains("'NetVips'", message);
        Assert.Contains("libvips.so.42", message);
        Assert.Contains(output.Value("DECLARATION"), message);
        Assert.Contains(output.Value("FIRSTUSE"), message);
    }

    [Fact]
    public void Missing_assembly_is_reported_with_package_assembly_and_both_sites()
    {
        var output = _app.Run("missing-assembly");
        Assert.True(output.ExitCode == 0, output.ToString());

        Assert.Equal("Contoso.Imaging", output.Value("PACKAGE"));
        Assert.Equal("assembly 'Contoso.Imaging.Core'", output.Value("COMPONENT"));
        Assert.Matches(@"HeavyApp/Program\.cs:\d+ \(s_value\)$", output.Value("DECLARATION"));
        Assert.Matches(@"MissingHolder\.get_Value in .*Program\.cs:\d+$", output.Value("FIRSTUSE"));
        Assert.Equal(typeof(System.IO.FileNotFoundException).FullName, output.Value("INNER"));
        Assert.Contains("Contoso.Imaging.Core", output.Value("MESSAGE"));
    }

    [Fact]
    public void Eager_switch_loads_at_declaration_and_fails_fast_on_a_missing_package()
    {
        var eager = _app.Run("eager", new Dictionary<string, string> { [LazyLoading.EagerEnvironmentVariable] = "1" });
        Assert.True(eager.ExitCode == 0, eager.ToString());
        Assert.Equal("True", eager.Value("EAGER"));
        Assert.Equal("failed|assembly 'Contoso.Missing.Assembly'", eager.Value("REGISTER"));
        Assert.Equal("True", eager.Value("MAGICK-LOADED-AFTER-CHEAP"));
        Assert.Equal("failed|Contoso.Missing|assembly 'Contoso.Missing.Assembly'", eager.Value("MISSING-HOLDER"));
        Assert.Equal("True", eager.Value("ASYNC-STARTED"));

        var lazy = _app.Run("eager");
        Assert.True(lazy.ExitCode == 0, lazy.ToString());
        Assert.Equal("False", lazy.Value("EAGER"));
        Assert.Equal("ok", lazy.Value("REGISTER"));
        Assert.Equal("False", lazy.Value("MAGICK-LOADED-AFTER-CHEAP"));
        Assert.Equal("ok", lazy.Value("MISSING-HOLDER"));
        Assert.Equal("False", lazy.Value("ASYNC-STARTED"));
    }

    [Fact]
    public void First_access_reads_no_symbols_and_the_site_gets_its_file_and_line_when_read()
    {
        var output = _app.Run("first-use");
        Assert.True(output.ExitCode == 0, output.ToString());

        // Reading the PDB (System.Reflection.Metadata) is what made the first access cost tens of
        // milliseconds: the access itself must not do it, nor create the meter (loading the
        // diagnostics assembly costs as much; a package load pays for it, a value's access does not) ...
        Assert.Equal("False", output.Value("BEFORE-METADATA"));
        Assert.Equal("False", output.Value("BEFORE-DIAGNOSTICS"));
        Assert.Equal("False", output.Value("AFTER-ACCESS-METADATA"));
        Assert.Equal("False", output.Value("AFTER-ACCESS-DIAGNOSTICS"));

        // ... reading the site does, and gives the same file:line a symbol-reading stack walk would.
        Assert.Matches(@"^LazyMigrate\.Runtime\.HeavyApp\.Modes\.FirstUse in .*HeavyApp/Program\.cs:\d+$", output.Value("FIRSTUSE"));
        Assert.Equal("True", output.Value("AFTER-SITE-METADATA"));
    }

    [Fact]
    public void Image_format_support_matches_the_installed_libraries_and_loads_nothing_before_the_first_question()
    {
        var output = _app.Run("formats");
        Assert.True(output.ExitCode == 0, output.ToString());

        Assert.Equal("False", output.Value("BEFORE-MAGICK"));
        Assert.Equal("False", output.Value("BEFORE-IMAGESHARP"));
        Assert.Equal("True", output.Value("AFTER-MAGICK"));
        Assert.Equal("Magick.NET-Q8-x64,SixLabors.ImageSharp", output.Value("LIBRARIES"));

        // ImageSharp 2.x decodes and encodes WebP as well; it knows nothing of JPEG XL.
        Assert.Contains("SixLabors.ImageSharp", output.Value("WRITERS webp").Split(','));
        Assert.DoesNotContain("SixLabors.ImageSharp", output.Value("WRITERS jxl").Split(','));

        // Magick.NET-Q8-x64 15.1.0 supports JPEG XL and AVIF here.
        Assert.StartsWith("True|", output.Value("FORMAT jxl"));
        Assert.StartsWith("True|", output.Value("FORMAT avif"));
        Assert.EndsWith("|Magick.NET-Q8-x64", output.Value("FORMAT jxl"));
        Assert.Equal("False|False|", output.Value("FORMAT nosuchformat"));

        // The runtime's answers equal Magick.NET's own, asked directly.
        foreach (var (format, magickName) in new[] { ("jxl", "Jxl"), ("avif", "Avif"), ("webp", "WebP"), ("heic", "Heic"), ("png", "Png") })
        {
            var ours = output.Value($"FORMAT {format}").Split('|');
            Assert.Equal(output.Value($"DIRECT {magickName}"), $"{ours[0]}|{ours[1]}");
        }
    }
}
