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
    "other-shapes" => Modes.OtherShapes(),
    _ => Modes.Usage(),
};

namespace LazyMigrate.Generator.TestApp
{
    internal static class Modes
    {
        public static int Usage()
        {
            Console.Error.WriteLine("usage: LazyMigrate.Generator.TestApp first-read|contention|other-shapes");
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

        /// <summary>A Task&lt;T&gt; property and an instance property: loads nothing before, builds once under contention.</summary>
        public static int OtherShapes()
        {
            Console.WriteLine($"CHEAP={AsyncModels.Cheap}");
            Report.Snapshot("BEFORE");
            Console.WriteLine($"ASYNC={Access.AsyncOptions()}");
            Console.WriteLine($"ASYNC-BUILDS={AsyncModels.Builds}");
            Console.WriteLine($"INSTANCE={Access.InstanceOptions()}");
            Console.WriteLine($"INSTANCE-BUILDS={Scorer.Builds}");
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

        // 64 concurrent awaits of a cold Task<T> property, then two reads once built (the same completed task).
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static string AsyncOptions()
        {
            var tasks = Enumerable.Range(0, 64).Select(_ => System.Threading.Tasks.Task.Run(() => AsyncModels.Options)).ToArray();
            var values = tasks.Select(t => t.Result).Distinct().Count();
            var first = AsyncModels.Options;
            var second = AsyncModels.Options;
            return $"{first.Result.GetType().Name}|distinct={values}|sametask={ReferenceEquals(first, second)}";
        }

        // Two instances, each read by 32 threads at once: one build per instance, each with its own state.
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static string InstanceOptions()
        {
            var scorers = new[] { new Scorer(1), new Scorer(2) };
            using var start = new Barrier(64);
            var results = new object[64];
            var workers = Enumerable.Range(0, 64).Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                results[i] = scorers[i % 2].Options;
            })).ToList();
            workers.ForEach(t => t.Start());
            workers.ForEach(t => t.Join());
            return $"distinct={results.Distinct().Count()}|threads={scorers[0].Options.IntraOpNumThreads},{scorers[1].Options.IntraOpNumThreads}";
        }

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
