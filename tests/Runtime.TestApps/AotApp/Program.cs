// Child process for LazyMigrate.AspNetCore.Tests, run both as a JIT build and as a Native AOT
// binary. Each mode prints KEY=value lines the tests parse. The app's own assembly is the "heavy"
// package: it is present in both builds, so the presence probe and the load must find it either way.
using System;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate;
using LazyMigrate.AspNetCore;
using LazyMigrate.Runtime.AotApp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var mode = args.FirstOrDefault() ?? "usage";
return mode switch
{
    "preload" => await Modes.PreloadAsync(args),
    "eager-ready" => await Modes.EagerReadyAsync(args),
    "eager-missing" => await Modes.EagerMissingAsync(args),
    _ => Modes.Usage(),
};

namespace LazyMigrate.Runtime.AotApp
{
    internal static class Modes
    {
        public const string SelfPackage = "AotApp.Self";

        public static int Usage()
        {
            Console.Error.WriteLine("usage: LazyMigrate.Runtime.AotApp preload|eager-ready|eager-missing [--LazyLoading:Key=value ...]");
            return 2;
        }

        /// <summary>Background preloading in a generic host: the app's package loads, its value is built, the status is JSON.</summary>
        public static async Task<int> PreloadAsync(string[] args)
        {
            Console.WriteLine($"PROBE-ASSEMBLY-SELF={PackageProbe.IsAssemblyPresent(typeof(Modes).Assembly.GetName().Name!)}");
            Console.WriteLine($"PROBE-ASSEMBLY-RUNTIME={PackageProbe.IsAssemblyPresent("LazyMigrate.Runtime")}");
            Console.WriteLine($"PROBE-PATTERN-RUNTIME={PackageProbe.IsAssemblyPresent("LazyMigrate.*")}");
            Console.WriteLine($"PROBE-ASSEMBLY-ABSENT={PackageProbe.IsAssemblyPresent("Contoso.NotInThisApp")}");
            Console.WriteLine($"PROBE-PACKAGE-TORCH={PackageProbe.IsPackagePresent("TorchSharp")}");

            var package = LazyPackageRegistry.Default.Register(SelfPackage, 1, new[] { typeof(Modes).Assembly.GetName().Name! }, warmUp: Work.WarmUp);
            Console.WriteLine($"AVAILABLE={package.IsAvailable}");
            Console.WriteLine($"VALUE-BUILT-BEFORE={Holder.Built}");

            using var host = BuildHost(args);
            await host.StartAsync();
            var loader = host.Services.GetServices<IHostedService>().OfType<LazyLoadingHostedService>().Single();
            await loader.Completion.WaitAsync(TimeSpan.FromMinutes(1));
            await LazyLoading.WhenReady().WaitAsync(TimeSpan.FromMinutes(1));

            Console.WriteLine($"READY={LazyLoading.IsReady}");
            Console.WriteLine($"STATE={package.State}");
            Console.WriteLine($"TRIGGER={package.Trigger}");
            Console.WriteLine($"WARMUPS={Work.WarmUps}");
            Console.WriteLine($"VALUE-BUILT-AFTER={Holder.Built}");
            Console.WriteLine($"VALUE={Holder.Report}");
            Console.WriteLine($"VALUE-FIRSTUSE={Holder.Value.FirstUseSite}");

            // A misspelled package name fails with its suggestion, in both builds.
            try
            {
                _ = new LazyValue("AotApp.Slef", Work.CreateReport).Value;
                Console.WriteLine("MISSPELLED=built");
            }
            catch (UnknownLazyPackageException ex)
            {
                Console.WriteLine($"MISSPELLED={ex.GetType().Name}|{string.Join(",", ex.Suggestions)}");
            }

            var status = LazyLoading.GetStatus();
            Console.WriteLine($"STATUS-PACKAGES={string.Join(",", status.Packages.Select(p => $"{p.Name}:{p.State}"))}");
            Console.WriteLine($"STATUS-JSON={status.ToJson()}");
            await host.StopAsync();
            return 0;
        }

        /// <summary>Eager mode (from the command line's configuration): the host starts, then the app must become ready.</summary>
        public static async Task<int> EagerReadyAsync(string[] args)
        {
            LazyPackageRegistry.Default.Register(SelfPackage, 1, new[] { typeof(Modes).Assembly.GetName().Name! }, warmUp: Work.WarmUp);
            using var host = BuildHost(args);
            await host.StartAsync();
            Console.WriteLine($"STARTED=True");
            Console.WriteLine($"STATE={LazyPackageRegistry.Default.Get(SelfPackage).State}");

            // Bounded: only a broken build waits the whole time.
            var whenReady = LazyLoading.WhenReady();
            var first = await Task.WhenAny(whenReady, Task.Delay(TimeSpan.FromSeconds(20)));
            Console.WriteLine($"READY={first == whenReady && LazyLoading.IsReady}");
            await host.StopAsync();
            return 0;
        }

        /// <summary>Eager mode with a registered package and a lazy value's package missing from the app.</summary>
        public static async Task<int> EagerMissingAsync(string[] args)
        {
            LazyPackageRegistry.Default.Register("Contoso.Missing", 1, new[] { "Contoso.Missing.Engine" });
            Console.WriteLine($"CHEAP={MissingHolder.Cheap}");
            using var host = BuildHost(args);
            try
            {
                await host.StartAsync();
                Console.WriteLine("STARTUP=ok");
            }
            catch (LazyLoadException ex)
            {
                Console.WriteLine("STARTUP=failed");
                Console.WriteLine($"ERROR={ex.Message.ReplaceLineEndings(" | ")}");
            }

            return 0;
        }

        private static IHost BuildHost(string[] args)
        {
            var builder = Host.CreateApplicationBuilder(args);
            builder.Logging.ClearProviders();
            builder.Services.AddLazyLoading(builder.Configuration);
            return builder.Build();
        }
    }

    internal static class Holder
    {
        public static readonly LazyValue Value = new(Modes.SelfPackage, Work.CreateReport);

        public static bool Built => Value.IsValueCreated;

        public static string Report => Value.Get<Report>().Text;
    }

    internal static class MissingHolder
    {
        public static readonly int Cheap = 11;

        // TorchSharp is a catalog package this app does not contain.
        private static readonly LazyValue s_tensor = new("TorchSharp", Work.CreateReport);

        public static LazyValue Tensor => s_tensor;
    }

    internal sealed class Report
    {
        public Report(string text) => Text = text;

        public string Text { get; }
    }

    internal static class Work
    {
        private static int s_warmUps;

        public static int WarmUps => Volatile.Read(ref s_warmUps);

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void WarmUp() => Interlocked.Increment(ref s_warmUps);

        [MethodImpl(MethodImplOptions.NoInlining)]
        public static object CreateReport() => new Report("report built");
    }
}
