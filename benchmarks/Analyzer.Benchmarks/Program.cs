using System;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace LazyMigrate.Analyzers.Benchmarks;

public static class Program
{
    /// <summary>
    /// <c>dotnet run -c Release --project benchmarks/Analyzer.Benchmarks -- --short</c> runs a short in-process job;
    /// <c>--check</c> only verifies the generated compilation produces the expected diagnostics (no timing);
    /// any other arguments go to BenchmarkDotNet.
    /// </summary>
    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--check"))
        {
            var benchmarks = new AnalyzerBenchmarks { Files = 50, HeavyReferences = true };
            benchmarks.Setup();
            var heavy = await benchmarks.AllRules();
            benchmarks = new AnalyzerBenchmarks { Files = 50, HeavyReferences = false };
            benchmarks.Setup();
            var light = await benchmarks.AllRules();
            Console.WriteLine($"diagnostics: heavy={heavy} light={light}");
            return heavy > 0 && light == 0 ? 0 : 1;
        }

        IConfig config = DefaultConfig.Instance;
        if (args.Contains("--short"))
        {
            config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
            args = args.Where(a => a != "--short").ToArray();
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args.Length == 0 ? new[] { "--filter", "*" } : args, config);
        return 0;
    }
}
