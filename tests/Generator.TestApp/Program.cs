// Child process for LazyMigrate.Generator.Tests. Each mode prints KEY=value lines the tests parse.
// Main names no heavy type: every read of a generated property sits in a [NoInlining] method of Access.
using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using LazyMigrate;
using LazyMigrate.Generator.TestApp;

return args.FirstOrDefault() switch
{
    "first-read" => Modes.FirstRead(),
    "contention" => Modes.Contention(),
    _ => Modes.Usage(),
};

namespace LazyMigrate.Generator.TestApp
{
    internal static class Modes
    {
        public static int Usage()
        {
            Console.Error.WriteLine("usage: LazyMigrate.Generator.TestApp first-read|contention");
            return 2;
        }

        /// <summary>Touch the declaring class, then read each property twice.</summary>
        public static int FirstRead()
        {
            Console.WriteLine($"CHEAP={Images.Cheap}");
            Report.Snapshot("BEFORE");
            Console.WriteLine($"BUILDS-BEFORE={Images.BlankBuilds},{Images.OnnxBuilds}");
            Console.WriteLine($"VALUE-BLANK={Access.Blank()}");
            Report.Snapshot("AFTER-BLANK");
            Console.WriteLine($"VALUE-ONNX={Access.Onnx()}");
            Report.Snapshot("AFTER-ONNX");
            Console.WriteLine($"BUILDS-AFTER={Images.BlankBuilds},{Images.OnnxBuilds}");
            foreach (var value in LazyLoading.GetStatus().Values.Where(v => v.State == LazyValueState.Built))
            {
                Console.WriteLine($"STATUS={value.Package}|{value.DeclarationSite}|{value.FirstUseSite}");
            }

            return 0;
        }

        /// <summary>64 threads read the same property at once, before anything built it.</summary>
        public static int Contention()
        {
            Console.WriteLine($"CHEAP={Images.Cheap}");
            const int threads = 64;
            var results = new object[threads];
            using var start = new Barrier(threads);
            var workers = Enumerable.Range(0, threads).Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                results[i] = Access.BlankObject();
            })).ToList();
            workers.ForEach(t => t.Start());
            workers.ForEach(t => t.Join());
            Console.WriteLine($"BUILDS={Images.BlankBuilds}");
            Console.WriteLine($"DISTINCT={results.Distinct().Count()}");
            Console.WriteLine($"NULLS={results.Count(r => r is null)}");
            return 0;
        }
    }

    /// <summary>The reads of the generated properties, never inlined into Main (which must name no heavy type).</summary>
    internal static class Access
    {
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static string Blank()
        {
            var first = Images.Blank;
            var second = Images.Blank;
            return $"{first.GetType().Name} {first.Width}x{first.Height}|{ReferenceEquals(first, second)}";
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static object BlankObject() => Images.Blank;

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static string Onnx()
        {
            var first = Images.Onnx;
            var second = Images.Onnx;
            return $"{first.GetType().Name}|{ReferenceEquals(first, second)}";
        }
    }

    internal static class Report
    {
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
    }
}
