// Child process for LazyMigrate.Runtime.Tests. Each mode prints KEY=value lines the tests parse.
// Main and the holders name no heavy type: every heavy type lives in Factories, behind
// [NoInlining] methods, exactly like the code the LazyMigrate fixes generate.
using System;
using System.IO;
using System.Linq;
using System.Threading;
using LazyMigrate;
using LazyMigrate.Runtime.HeavyApp;

return args.FirstOrDefault() switch
{
    "declare" => Modes.Declare(),
    "probe" => Modes.Probe(),
    "netvips" => Modes.NetVips(),
    "eager" => Modes.Eager(),
    "formats" => Modes.Formats(),
    "missing-assembly" => Modes.MissingAssembly(),
    "cache-fields" => Modes.CacheFields(),
    "struct-field" => Modes.StructField(),
    "holders" => Modes.Holders(),
    "ml-family" => Modes.MlFamily(),
    "first-use" => Modes.FirstUse(),
    _ => Modes.Usage(),
};

namespace LazyMigrate.Runtime.HeavyApp
{
    internal static class Modes
    {
        public static int Usage()
        {
            Console.Error.WriteLine("usage: LazyMigrate.Runtime.HeavyApp declare|probe|netvips|eager|formats|missing-assembly|cache-fields|struct-field|holders|ml-family|first-use");
            return 2;
        }

        public static int Declare()
        {
            LazyPackageRegistry.Default.Register("HeavyApp.Images", 1, new[] { "Magick.NET-Q8-x64", "Magick.NET.Core" });
            Console.WriteLine($"CHEAP={HeavyHolder.Cheap}");
            Report.Snapshot("BEFORE");
            Console.WriteLine($"VALUE-MAGICK={HeavyHolder.Magick}");
            Console.WriteLine($"VALUE-ONNX={HeavyHolder.Onnx}");
            Console.WriteLine($"VALUE-SQLITE={HeavyHolder.Sqlite}");
            Report.Snapshot("AFTER");
            foreach (var package in LazyPackageRegistry.Default.GetStatus().Packages.Where(p => p.State != LazyPackageState.NotLoaded))
            {
                Console.WriteLine($"STATUS={package.Name}|{package.State}|{package.Trigger}");
            }

            return 0;
        }

        // The LZM0001 fix's output for class types: cache fields of heavy class types (CachedHolders.cs).
        public static int CacheFields()
        {
            Console.WriteLine($"CHEAP={CachedHolder.Cheap}");
            Report.Snapshot("BEFORE");
            Console.WriteLine($"VALUE-ONNX={CachedAccess.Onnx()}");
            Report.Snapshot("AFTER-ONNX");
            Console.WriteLine($"VALUE-IMAGE={CachedAccess.Image()}");
            Report.Snapshot("AFTER-IMAGE");
            return 0;
        }

        // The LZM0001 fix's output for class types with the runtime: nested holder classes (HolderShapes.cs).
        public static int Holders()
        {
            Console.WriteLine($"CHEAP={HeldHolder.Cheap}");
            Report.Snapshot("BEFORE");

            // A method whose getter call sits in a branch never taken, called often enough to be
            // rejitted at tier 1 (and compiled fully optimized at once without tiering).
            var cold = string.Empty;
            for (var round = 0; round < 3; round++)
            {
                for (var i = 0; i < 200; i++)
                {
                    cold = HeldAccess.ColdBranch(take: false) + "," + HeldAccess.ColdBranchInlined(take: false);
                }

                Thread.Sleep(200);
            }

            Console.WriteLine($"COLD={cold}|built={HeldHolder.OnnxBuilt}");
            Report.Snapshot("AFTER-COLD");
            Console.WriteLine($"VALUE-ONNX={HeldAccess.Onnx()}");
            Console.WriteLine($"ONNX-FIRSTUSE={HeldHolder.OnnxFirstUse}");
            Report.Snapshot("AFTER-ONNX");
            Console.WriteLine($"VALUE-IMAGE={HeldAccess.Image()}");
            Report.Snapshot("AFTER-IMAGE");
            return 0;
        }

        // The control for CacheFields: a static field of a heavy struct type loads its assembly.
        public static int StructField()
        {
            Console.WriteLine($"IMAGESHARP-BEFORE={Report.IsLoaded("SixLabors.ImageSharp")}");
            Console.WriteLine($"CHEAP={CachedAccess.StructHolderCheap()}");
            Console.WriteLine($"IMAGESHARP-AFTER={Report.IsLoaded("SixLabors.ImageSharp")}");
            return 0;
        }

        /// <summary>ML.NET: the catalog's first name (Microsoft.ML) has no DLL; Microsoft.ML.* also matches ONNX Runtime's assembly.</summary>
        public static int MlFamily()
        {
            var package = LazyPackageRegistry.Default.Get("Microsoft.ML");
            Console.WriteLine($"AVAILABLE={package.IsAvailable}");
            package.EnsureLoaded();
            var status = LazyPackageRegistry.Default.GetStatus().Packages.Single(p => p.Name == "Microsoft.ML");
            Console.WriteLine($"STATE={status.State}");
            Console.WriteLine($"LOADED={string.Join(",", status.LoadedAssemblies)}");
            Console.WriteLine($"ONNX-LOADED={AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == "Microsoft.ML.OnnxRuntime")}");
            return 0;
        }

        public static int Probe()
        {
            foreach (var name in new[] { "Magick.NET", "Microsoft.ML.OnnxRuntime", "Microsoft.EntityFrameworkCore", "NetVips", "TorchSharp", "Contoso.NotInThisApp" })
            {
                Console.WriteLine($"PACKAGE {name}={PackageProbe.IsPackagePresent(name)}");
            }

            foreach (var name in new[] { "Magick.NET-Q8-x64", "Microsoft.ML.OnnxRuntime", "Microsoft.Data.Sqlite", "SQLitePCLRaw.*", "TorchSharp", "Azure.*" })
            {
                Console.WriteLine($"ASSEMBLY {name}={PackageProbe.IsAssemblyPresent(name)}");
            }

            foreach (var package in LazyPackageRegistry.Default.Packages)
            {
                Console.WriteLine($"AVAILABLE {package.Name}={package.IsAvailable}");
            }

            Report.Snapshot("AFTER");
            return 0;
        }

        public static int NetVips()
        {
            try
            {
                Console.WriteLine($"VALUE={VipsHolder.Image}");
                return 1;
            }
            catch (LazyLoadException ex)
            {
                Report.Error(ex);
                return 0;
            }
        }

        public static int MissingAssembly()
        {
            LazyPackageRegistry.Default.Register("Contoso.Imaging", 2, new[] { "Contoso.Imaging.Core" });
            try
            {
                Console.WriteLine($"VALUE={MissingHolder.Value}");
                return 1;
            }
            catch (LazyLoadException ex)
            {
                Report.Error(ex);
                return 0;
            }
        }

        public static int Eager()
        {
            Console.WriteLine($"EAGER={LazyLoading.EagerMode}");
            try
            {
                LazyPackageRegistry.Default.Register("Contoso.Missing", 2, new[] { "Contoso.Missing.Assembly" });
                Console.WriteLine("REGISTER=ok");
            }
            catch (LazyLoadException ex)
            {
                Console.WriteLine($"REGISTER=failed|{ex.FailedComponent}");
            }

            Console.WriteLine($"CHEAP={EagerMagickHolder.Cheap}");
            Console.WriteLine($"MAGICK-LOADED-AFTER-CHEAP={Report.IsLoaded("Magick.NET-Q8-x64")}");
            try
            {
                Console.WriteLine($"CHEAP2={EagerMissingHolder.Cheap}");
                Console.WriteLine("MISSING-HOLDER=ok");
            }
            catch (TypeInitializationException ex) when (ex.InnerException is LazyLoadException inner)
            {
                Console.WriteLine($"MISSING-HOLDER=failed|{inner.PackageName}|{inner.FailedComponent}");
            }

            // An async value's build starts in eager mode without anyone asking for it. Bounded wait,
            // long only when it never starts (the lazy control, where it must not).
            Console.WriteLine($"CHEAP3={EagerAsyncHolder.Cheap}");
            Console.WriteLine($"ASYNC-STARTED={EagerAsyncHolder.Started.Wait(LazyLoading.EagerMode ? 30_000 : 500)}");
            return 0;
        }

        /// <summary>What recording the first-use site costs: which assemblies the first access loads, and the site read afterwards.</summary>
        public static int FirstUse()
        {
            var value = new LazyValue(() => new object());
            Console.WriteLine($"BEFORE-METADATA={Report.IsLoaded("System.Reflection.Metadata")}");
            Console.WriteLine($"BEFORE-DIAGNOSTICS={Report.IsLoaded("System.Diagnostics.DiagnosticSource")}");
            _ = value.Value;
            Console.WriteLine($"AFTER-ACCESS-METADATA={Report.IsLoaded("System.Reflection.Metadata")}");
            Console.WriteLine($"AFTER-ACCESS-DIAGNOSTICS={Report.IsLoaded("System.Diagnostics.DiagnosticSource")}");
            Console.WriteLine($"FIRSTUSE={value.FirstUseSite}");
            Console.WriteLine($"AFTER-SITE-METADATA={Report.IsLoaded("System.Reflection.Metadata")}");
            return 0;
        }

        public static int Formats()
        {
            Console.WriteLine($"BEFORE-MAGICK={Report.IsLoaded("Magick.NET-Q8-x64")}");
            Console.WriteLine($"BEFORE-IMAGESHARP={Report.IsLoaded("SixLabors.ImageSharp")}");
            foreach (var format in new[] { "jxl", "avif", "webp", "heic", "png", "nosuchformat" })
            {
                var support = ImageFormatSupport.GetSupport(format);
                Console.WriteLine($"FORMAT {format}={support.CanRead}|{support.CanWrite}|{string.Join(",", support.Readers)}");
                Console.WriteLine($"WRITERS {format}={string.Join(",", support.Writers)}");
            }

            Console.WriteLine($"AFTER-MAGICK={Report.IsLoaded("Magick.NET-Q8-x64")}");
            Console.WriteLine($"LIBRARIES={string.Join(",", ImageFormatSupport.Libraries)}");
            foreach (var format in new[] { "Jxl", "Avif", "WebP", "Heic", "Png" })
            {
                // Magick.NET's own answer, asked directly, to compare with the runtime's.
                Console.WriteLine($"DIRECT {format}={Factories.MagickSupport(format)}");
            }

            return 0;
        }
    }

    /// <summary>A startup class: one cheap static beside heavy lazy values.</summary>
    internal static class HeavyHolder
    {
        public static readonly int Cheap = 42;
        private static readonly LazyValue s_magick = new("Magick.NET", Factories.CreateMagickImage);
        private static readonly LazyValue s_onnx = new("Microsoft.ML.OnnxRuntime", Factories.CreateOnnxOptions);
        private static readonly LazyValue s_sqlite = new("Microsoft.EntityFrameworkCore.Sqlite", Factories.OpenSqlite);

        public static object Magick => s_magick.Value!;

        public static object Onnx => s_onnx.Value!;

        public static object Sqlite => s_sqlite.Value!;
    }

    internal static class VipsHolder
    {
        private static readonly LazyValue s_image = new("NetVips", Factories.CreateVipsImage);

        public static object Image => s_image.Value!;
    }

    internal static class MissingHolder
    {
        private static readonly LazyValue s_value = new("Contoso.Imaging", () => new object());

        public static object Value => s_value.Value!;
    }

    internal static class EagerMagickHolder
    {
        public static readonly int Cheap = 7;
        private static readonly LazyValue s_magick = new("Magick.NET", Factories.CreateMagickImage);

        public static object Magick => s_magick.Value!;
    }

    internal static class EagerMissingHolder
    {
        public static readonly int Cheap = 8;
        private static readonly LazyValue s_missing = new("Contoso.Missing", () => new object());

        public static object Missing => s_missing.Value!;
    }

    internal static class EagerAsyncHolder
    {
        public static readonly int Cheap = 9;
        public static readonly ManualResetEventSlim Started = new();
        private static readonly AsyncLazyValue<string> s_token = new(_ =>
        {
            Started.Set();
            return System.Threading.Tasks.Task.FromResult("token");
        });

        public static AsyncLazyValue<string> Token => s_token;
    }

    internal static class Report
    {
        public static bool IsLoaded(string assembly) => AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == assembly);

        public static void Snapshot(string label)
        {
            foreach (var name in AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name).OrderBy(n => n))
            {
                Console.WriteLine($"{label}-ASM={name}");
            }

            var natives = File.ReadLines("/proc/self/maps")
                .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Where(parts => parts.Length >= 6 && parts[5].StartsWith('/') && parts[5].Contains(".so"))
                .Select(parts => Path.GetFileName(parts[5]))
                .Distinct()
                .OrderBy(n => n);
            foreach (var native in natives)
            {
                Console.WriteLine($"{label}-SO={native}");
            }
        }

        public static void Error(LazyLoadException ex)
        {
            Console.WriteLine($"PACKAGE={ex.PackageName}");
            Console.WriteLine($"COMPONENT={ex.FailedComponent}");
            Console.WriteLine($"DECLARATION={ex.DeclarationSite}");
            Console.WriteLine($"FIRSTUSE={ex.FirstUseSite}");
            Console.WriteLine($"INNER={ex.InnerException?.GetType().FullName}");
            Console.WriteLine($"MESSAGE={ex.Message.ReplaceLineEndings(" ")}");
        }
    }
}
