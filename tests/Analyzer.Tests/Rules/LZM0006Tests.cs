using System.Threading.Tasks;
using LazyMigrate.Analyzers.Tests.Infrastructure;

namespace LazyMigrate.Analyzers.Tests.Rules;

public sealed class LZM0006Tests
{
    private const string Proxies = """
        using System;
        using System.Threading.Tasks;
        using LazyMigrate;
        using Microsoft.ML.OnnxRuntime;
        static class Proxies
        {
            public static readonly Lazy<InferenceSession> Session = new(() => new InferenceSession("m"));
            public static readonly Lazy<string> Text = new(() => "cheap");
            public static readonly LazyValue Model = new("Microsoft.ML.OnnxRuntime", () => new InferenceSession("m"));
            public static readonly LazyValue<int> Counter = new(() => 1);
            public static readonly AsyncLazyValue<string> Remote = new(ct => Task.FromResult("x"));
            public static readonly LazyPackage Onnx = LazyPackageRegistry.Default.Get("Microsoft.ML.OnnxRuntime");
        }
        """;

    [Fact]
    public Task Reports_values_forced_on_the_startup_path() =>
        AnalyzerTestBuilder.Create().WithSource(Proxies).WithSource("""
            using System.Threading.Tasks;
            static class Program
            {
                static async Task Main()
                {
                    _ = {|LZM0006:Proxies.Session.Value|};
                    var session = {|LZM0006:Proxies.Session.Value|};
                    var model = {|LZM0006:Proxies.Model.Value|};
                    var typed = {|LZM0006:Proxies.Model.Get<object>()|};
                    var orDefault = {|LZM0006:Proxies.Model.GetOrDefault<object>()|};
                    var count = {|LZM0006:Proxies.Counter.Value|};
                    {|LZM0006:Proxies.Onnx.EnsureLoaded()|};
                    await {|LZM0006:Proxies.Onnx.EnsureLoadedAsync()|};
                    var remote = await {|LZM0006:Proxies.Remote.GetValueAsync()|};
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task DoesNotReport_cheap_lazies_state_checks_after_ready_or_outside_startup() =>
        AnalyzerTestBuilder.Create().WithSource(Proxies).WithSource("""
            using LazyMigrate;
            static class Program
            {
                static void Main()
                {
                    var text = Proxies.Text.Value;
                    var created = Proxies.Model.IsValueCreated || Proxies.Session.IsValueCreated;
                    var loaded = Proxies.Onnx.IsLoaded;
                    LazyLoading.MarkReady();
                    _ = {|LZM0005:Proxies.Session.Value|};
                    Proxies.Onnx.EnsureLoaded();
                }
                static object Handle() => Proxies.Model.Value;
            }
            """).ValidateAsync();
}
