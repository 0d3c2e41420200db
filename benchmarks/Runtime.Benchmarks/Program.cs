using BenchmarkDotNet.Running;

namespace LazyMigrate.Runtime.Benchmarks;

internal static class Program
{
    // dotnet run -c Release --project benchmarks/Runtime.Benchmarks -- --filter '*' [--job short]
    private static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
