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
    /// <c>--check</c> only verifies the generated compilations: findings with heavy references, none without, a web API that compiles and has findings,
    /// and the SDK's analyzers loading beside the rules without changing their findings (no timing);
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

            var web = new WebApiBenchmarks { Resources = 8 };
            web.Setup();
            var (errors, findings) = await web.Check();
            Console.WriteLine($"web API: {WebApiCompilation.Lines(WebApiCompilation.Create(8))} lines, {errors} compile error(s), findings: "
                + string.Join(", ", findings.GroupBy(d => d.Id).OrderBy(g => g.Key).Select(g => $"{g.Key}={g.Count()}")));
            foreach (var finding in findings)
            {
                Console.WriteLine("  " + finding);
            }

            var (sdkAnalyzers, findingsBesideSdk) = await web.CheckSdk();
            Console.WriteLine($"SDK analyzers: {sdkAnalyzers} loaded from {SdkAnalyzers.FindFolder()}; LazyMigrate findings beside them: {findingsBesideSdk}");

            return heavy > 0 && light == 0 && errors == 0 && findings.Length > 0 && sdkAnalyzers > 0 && findingsBesideSdk == findings.Length ? 0 : 1;
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
