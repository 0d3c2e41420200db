// The built-in catalog of heavy .NET packages: the one source of truth shared by the analyzer
// (which types are heavy), the code fixes (which package a value belongs to), the runtime
// (which packages are pre-registered, with which priorities) and the CLI (what to highlight; it
// reads the analyzer's copy).
//
// This file is compiled into several assemblies (netstandard2.0 and net8.0), so it uses only
// language features and APIs available to both, and every type is internal.
#nullable enable

using System;
using System.Collections.Generic;

namespace LazyMigrate.Catalog
{
    /// <summary>One well-known heavy package: the assemblies it brings and what loading it costs.</summary>
    internal sealed class HeavyPackageInfo
    {
        public HeavyPackageInfo(
            string name,
            int priority,
            string[] assemblies,
            string[] nativeLibraries,
            string description,
            string[]? configurationTypes = null)
        {
            Name = name;
            Priority = priority;
            Assemblies = assemblies;
            NativeLibraries = nativeLibraries;
            Description = description;
            ConfigurationTypes = configurationTypes ?? new string[0];
        }

        /// <summary>The NuGet package id (or family name) users know the package by.</summary>
        public string Name { get; }

        /// <summary>Background-loading priority: 1 loads first, 3 last.</summary>
        public int Priority { get; }

        /// <summary>
        /// Assembly simple names. An entry ending in <c>*</c> is a prefix: <c>Azure.*</c> matches
        /// <c>Azure.Core</c> and <c>Azure.Storage.Blobs</c>; <c>Magick.NET*</c> matches <c>Magick.NET-Q8-x64</c>.
        /// The first listed name is the package's main assembly (the one a load starts with).
        /// </summary>
        public string[] Assemblies { get; }

        /// <summary>Native library base names (no <c>lib</c> prefix, no extension) the package loads.</summary>
        public string[] NativeLibraries { get; }

        /// <summary>What the package is and why it is heavy, for messages and reports.</summary>
        public string Description { get; }

        /// <summary>
        /// Full metadata names (<c>Ns.Type`1</c>) of the package's configuration types: plain option holders and
        /// builders whose construction and calls only record settings (<c>new DbContextOptionsBuilder&lt;T&gt;()</c>,
        /// <c>UseSqlite(...)</c> on it). Building or using one is not heavy work; types deriving from one are
        /// configuration too. Naming one still loads the package's assembly when the method is compiled.
        /// </summary>
        public string[] ConfigurationTypes { get; }

        /// <summary>True when <paramref name="assemblyName"/> belongs to this package.</summary>
        public bool MatchesAssembly(string assemblyName)
        {
            foreach (var pattern in Assemblies)
            {
                if (HeavyPackageCatalog.AssemblyPatternMatches(pattern, assemblyName))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when a native library file or name (e.g. <c>libonnxruntime.so</c>) belongs to this package.</summary>
        public bool MatchesNativeLibrary(string fileOrName)
        {
            var baseName = HeavyPackageCatalog.NativeBaseName(fileOrName);
            foreach (var native in NativeLibraries)
            {
                if (string.Equals(HeavyPackageCatalog.NativeBaseName(native), baseName, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The built-in list of heavy packages, most specific entries first.</summary>
    internal static class HeavyPackageCatalog
    {
        /// <summary>
        /// Every entry. Order matters: the first entry whose assembly pattern matches wins, so
        /// specific names (Microsoft.ML.OnnxRuntime) come before the families that would also match
        /// them (Microsoft.ML.*). Priorities order background preloading: 1 = what an app typically needs first
        /// (tensor libraries, image decoding), 2 = second (model runtimes, computer vision),
        /// 3 = last (whole ML frameworks, cloud SDKs).
        /// </summary>
        public static readonly IReadOnlyList<HeavyPackageInfo> All = new[]
        {
            new HeavyPackageInfo("TorchSharp", 1,
                new[] { "TorchSharp", "TorchVision", "TorchAudio" },
                new[] { "LibTorchSharp", "torch", "torch_cpu", "c10" },
                "PyTorch for .NET; loads libtorch (hundreds of MB of native code)"),
            new HeavyPackageInfo("Microsoft.ML.OnnxRuntime", 2,
                new[] { "Microsoft.ML.OnnxRuntime" },
                new[] { "onnxruntime" },
                "ONNX Runtime; native runtime init and session creation take 0.1-0.4 s"),
            new HeavyPackageInfo("Microsoft.ML", 3,
                new[] { "Microsoft.ML", "Microsoft.ML.*" },
                new[] { "CpuMathNative", "LdaNative", "MklImports" },
                "ML.NET; MLContext and prediction-engine creation are slow"),
            new HeavyPackageInfo("TensorFlow.NET", 3,
                new[] { "Tensorflow.Binding", "TensorFlow.NET", "TensorFlow.Keras" },
                new[] { "tensorflow" },
                "TensorFlow for .NET; loads the native TensorFlow runtime"),
            new HeavyPackageInfo("SkiaSharp", 1,
                new[] { "SkiaSharp", "SkiaSharp.*" },
                new[] { "SkiaSharp" },
                "SkiaSharp 2D graphics; loads libSkiaSharp"),
            new HeavyPackageInfo("SixLabors.ImageSharp", 1,
                new[] { "SixLabors.ImageSharp", "SixLabors.ImageSharp.*", "SixLabors.Fonts" },
                new string[0],
                "ImageSharp; first image decode JIT-compiles large codecs (50-70 ms)"),
            new HeavyPackageInfo("Magick.NET", 1,
                new[] { "Magick.NET*" },
                new[] { "Magick.Native-Q8-x64", "Magick.Native-Q16-x64", "Magick.Native-Q16-HDRI-x64", "Magick.Native-Q8-arm64", "Magick.Native-Q16-arm64", "Magick.Native-Q16-HDRI-arm64" },
                "ImageMagick for .NET; native library init and format table 50-100 ms"),
            new HeavyPackageInfo("OpenCvSharp", 2,
                new[] { "OpenCvSharp", "OpenCvSharp.*" },
                new[] { "OpenCvSharpExtern" },
                "OpenCV for .NET; loads the OpenCV native libraries"),
            new HeavyPackageInfo("NetVips", 2,
                new[] { "NetVips" },
                new[] { "vips", "vips-42" },
                "libvips for .NET; loads libvips and its codecs"),
            new HeavyPackageInfo("MathNet.Numerics", 1,
                new[] { "MathNet.Numerics", "MathNet.Numerics.*" },
                new[] { "MathNet.Numerics.MKL", "MathNet.Numerics.OpenBLAS" },
                "Math.NET Numerics; large assembly, optional native providers"),
            new HeavyPackageInfo("LibGit2Sharp", 3,
                new[] { "LibGit2Sharp" },
                new[] { "git2" },
                "libgit2 for .NET; loads the native libgit2"),
            new HeavyPackageInfo("Microsoft.EntityFrameworkCore", 2,
                new[] { "Microsoft.EntityFrameworkCore", "Microsoft.EntityFrameworkCore.*", "Microsoft.Data.Sqlite", "SQLitePCLRaw.*" },
                new[] { "e_sqlite3" },
                "Entity Framework Core; model building and provider init take 0.4-0.7 s",
                new[]
                {
                    // The options and their builders record settings; the model and the connection come with the context's first use.
                    "Microsoft.EntityFrameworkCore.DbContextOptions", "Microsoft.EntityFrameworkCore.DbContextOptions`1",
                    "Microsoft.EntityFrameworkCore.DbContextOptionsBuilder", "Microsoft.EntityFrameworkCore.DbContextOptionsBuilder`1",
                    "Microsoft.EntityFrameworkCore.Infrastructure.RelationalDbContextOptionsBuilder`2",
                }),
            new HeavyPackageInfo("Azure SDK", 3,
                new[] { "Azure.*" },
                new[] { "msalruntime" },
                "Azure SDK clients; credential chains (DefaultAzureCredential) take seconds",
                new[]
                {
                    // Client and credential options (BlobClientOptions, DefaultAzureCredentialOptions) derive from these and only hold settings.
                    "Azure.Core.ClientOptions", "Azure.Identity.TokenCredentialOptions",
                }),
            new HeavyPackageInfo("AWS SDK", 3,
                new[] { "AWSSDK.*" },
                new string[0],
                "AWS SDK for .NET; large assemblies and credential resolution"),
            new HeavyPackageInfo("Lucene.Net", 3,
                new[] { "Lucene.Net", "Lucene.Net.*" },
                new string[0],
                "Lucene.Net full-text search; large assemblies and index opening"),
        };

        /// <summary>The catalog entry an assembly belongs to, or null when the assembly is not heavy.</summary>
        public static HeavyPackageInfo? FindByAssembly(string assemblyName)
        {
            foreach (var entry in All)
            {
                if (entry.MatchesAssembly(assemblyName))
                {
                    return entry;
                }
            }

            return null;
        }

        /// <summary>True when a type with this full metadata name is a configuration type of some entry.</summary>
        public static bool IsConfigurationType(string metadataName)
        {
            foreach (var entry in All)
            {
                foreach (var name in entry.ConfigurationTypes)
                {
                    if (string.Equals(name, metadataName, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>The catalog entry with this package name (case-insensitive), or null.</summary>
        public static HeavyPackageInfo? FindByName(string packageName)
        {
            foreach (var entry in All)
            {
                if (string.Equals(entry.Name, packageName, StringComparison.OrdinalIgnoreCase))
                {
                    return entry;
                }
            }

            return null;
        }

        /// <summary>The catalog entry a native library belongs to, or null.</summary>
        public static HeavyPackageInfo? FindByNativeLibrary(string fileOrName)
        {
            foreach (var entry in All)
            {
                if (entry.MatchesNativeLibrary(fileOrName))
                {
                    return entry;
                }
            }

            return null;
        }

        /// <summary>Exact (case-insensitive) match, or prefix match when the pattern ends in <c>*</c>.</summary>
        public static bool AssemblyPatternMatches(string pattern, string assemblyName)
        {
            if (pattern.Length > 0 && pattern[pattern.Length - 1] == '*')
            {
                var prefix = pattern.Substring(0, pattern.Length - 1);
                return assemblyName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
            }

            return string.Equals(pattern, assemblyName, StringComparison.OrdinalIgnoreCase);
        }

        /// <summary><c>/x/libonnxruntime.so.1.2</c> → <c>onnxruntime</c>; <c>git2-a1b2c3.dll</c> → <c>git2</c>.</summary>
        public static string NativeBaseName(string fileOrName)
        {
            var name = fileOrName;
            var slash = Math.Max(name.LastIndexOf('/'), name.LastIndexOf('\\'));
            if (slash >= 0)
            {
                name = name.Substring(slash + 1);
            }

            if (name.StartsWith("lib", StringComparison.Ordinal) && name.Length > 3)
            {
                name = name.Substring(3);
            }

            // Cut at the earliest extension: Magick.NET ships its Linux library as Magick.Native-Q8-x64.dll.so.
            var cut = -1;
            foreach (var extension in new[] { ".so", ".dll", ".dylib" })
            {
                var at = name.IndexOf(extension, StringComparison.OrdinalIgnoreCase);
                if (at > 0 && (cut < 0 || at < cut))
                {
                    cut = at;
                }
            }

            if (cut > 0)
            {
                name = name.Substring(0, cut);
            }

            // libgit2 ships as git2-<hash>; the hash changes with every release.
            var dash = name.IndexOf("git2-", StringComparison.OrdinalIgnoreCase);
            if (dash == 0)
            {
                name = "git2";
            }

            return name;
        }
    }
}
