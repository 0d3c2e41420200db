using System.Threading.Tasks;
using LazyMigrate.CodeFixes.Rules;
using LazyMigrate.CodeFixes.Tests.Infrastructure;

namespace LazyMigrate.CodeFixes.Tests.Rules;

/// <summary>The LZM0002 fix inside <c>BackgroundService.ExecuteAsync</c> (LZM0002BackgroundServiceStart).</summary>
public class LZM0002BackgroundServiceTests
{
    private const string Readiness = """

        public static class Readiness
        {
            public static void Signal() => LazyLoading.MarkReady();
        }
        """;

    [Fact]
    public Task BackgroundService_heavy_work_before_first_await_waits_for_ready() => Verify<LZM0002DeferStartupWorkFixer>.FixAsync(
        """
        using System.Threading;
        using System.Threading.Tasks;
        using LazyMigrate;
        using Microsoft.Extensions.Hosting;
        using Microsoft.ML.OnnxRuntime;

        public sealed class ModelWarmer : BackgroundService
        {
            public int Outputs { get; private set; }

            protected override async Task ExecuteAsync(CancellationToken stoppingToken)
            {
                // warm the model, then keep it warm
                while (!stoppingToken.IsCancellationRequested)
                {
                    using (var session = {|LZM0002:new InferenceSession("model.onnx")|})
                    {
                        Outputs = session.Run("x").Length; // first inference
                    }

                    await Task.Delay(60000, stoppingToken);
                }
            }
        }
        """ + Readiness,
        """
        using System.Runtime.CompilerServices;
        using System.Threading;
        using System.Threading.Tasks;
        using LazyMigrate;
        using Microsoft.Extensions.Hosting;
        using Microsoft.ML.OnnxRuntime;

        public sealed class ModelWarmer : BackgroundService
        {
            public int Outputs { get; private set; }

            protected override async Task ExecuteAsync(CancellationToken stoppingToken)
            {
                // Runs once the app is ready: startup neither waits for nor competes with this work.
                await LazyLoading.WhenReady(stoppingToken);
                await ExecuteWhenReadyAsync(stoppingToken);
            }

            [MethodImpl(MethodImplOptions.NoInlining)]
            private async Task ExecuteWhenReadyAsync(CancellationToken stoppingToken)
            {
                // warm the model, then keep it warm
                while (!stoppingToken.IsCancellationRequested)
                {
                    using (var session = new InferenceSession("model.onnx"))
                    {
                        Outputs = session.Run("x").Length; // first inference
                    }

                    await Task.Delay(60000, stoppingToken);
                }
            }
        }
        """ + Readiness,
        runtime: true);

    [Fact]
    public Task Adds_the_using_directive_and_keeps_a_verbatim_parameter_name() => Verify<LZM0002DeferStartupWorkFixer>.FixAsync(
        """
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Hosting;
        using Microsoft.ML.OnnxRuntime;

        public sealed class Warmer : BackgroundService
        {
            protected override async Task ExecuteAsync(CancellationToken @event)
            {
                var options = {|LZM0002:new SessionOptions()|};
                await Task.Yield();
                System.GC.KeepAlive(options);
            }
        }

        public static class Readiness
        {
            public static void Signal() => LazyMigrate.LazyLoading.MarkReady();
        }
        """,
        """
        using System.Runtime.CompilerServices;
        using System.Threading;
        using System.Threading.Tasks;
        using LazyMigrate;
        using Microsoft.Extensions.Hosting;
        using Microsoft.ML.OnnxRuntime;

        public sealed class Warmer : BackgroundService
        {
            protected override async Task ExecuteAsync(CancellationToken @event)
            {
                // Runs once the app is ready: startup neither waits for nor competes with this work.
                await LazyLoading.WhenReady(@event);
                await ExecuteWhenReadyAsync(@event);
            }

            [MethodImpl(MethodImplOptions.NoInlining)]
            private async Task ExecuteWhenReadyAsync(CancellationToken @event)
            {
                var options = new SessionOptions();
                await Task.Yield();
                System.GC.KeepAlive(options);
            }
        }

        public static class Readiness
        {
            public static void Signal() => LazyMigrate.LazyLoading.MarkReady();
        }
        """,
        runtime: true);

    [Fact]
    public Task Heavy_field_initializer_becomes_lazy_instance_state_dispose_guarded() => Verify<LZM0002DeferStartupWorkFixer>.FixAsync(
        """
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Hosting;
        using Microsoft.ML.OnnxRuntime;

        public sealed class Scorer : BackgroundService
        {
            // The scoring model, kept for the service's lifetime.
            private readonly InferenceSession _session = {|LZM0002:new("model.onnx")|};
            private readonly string _name = "scorer";

            public int Outputs { get; private set; }

            protected override async Task ExecuteAsync(CancellationToken stoppingToken)
            {
                await Task.Yield();
                Outputs = {|LZM0005:_session.Run(_name)|}.Length;
            }

            public override void Dispose()
            {
                _session.Dispose();
                base.Dispose();
            }
        }
        """,
        """
        using System.Runtime.CompilerServices;
        using System.Threading;
        using System.Threading.Tasks;
        using LazyMigrate;
        using Microsoft.Extensions.Hosting;
        using Microsoft.ML.OnnxRuntime;

        public sealed class Scorer : BackgroundService
        {
            // The scoring model, kept for the service's lifetime.
            private InferenceSession _session => _lazySession.Get<InferenceSession>();

            private readonly LazyValue _lazySession = new LazyValue("Microsoft.ML.OnnxRuntime", CreateSession);

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateSession() => new InferenceSession("model.onnx");

            private readonly string _name = "scorer";

            public int Outputs { get; private set; }

            protected override async Task ExecuteAsync(CancellationToken stoppingToken)
            {
                await Task.Yield();
                Outputs = {|LZM0005:_session|}.Run(_name).Length;
            }

            public override void Dispose()
            {
                if (_lazySession.IsValueCreated)
                {
                    _session.Dispose();
                }
                base.Dispose();
            }
        }
        """,
        runtime: true,
        outputKind: Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary);

    [Fact]
    public Task Hosted_service_constructor_field_becomes_lazy_instance_state() => Verify<LZM0002DeferStartupWorkFixer>.FixAsync(
        """
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Hosting;
        using Microsoft.ML.OnnxRuntime;

        public sealed class Scorer : IHostedService
        {
            private readonly InferenceSession _session;

            public Scorer()
            {
                _session = {|LZM0002:new InferenceSession("model.onnx")|};
            }

            public int Score(string input) => _session.Run(input).Length;

            public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

            public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        }
        """,
        """
        using System.Runtime.CompilerServices;
        using System.Threading;
        using System.Threading.Tasks;
        using LazyMigrate;
        using Microsoft.Extensions.Hosting;
        using Microsoft.ML.OnnxRuntime;

        public sealed class Scorer : IHostedService
        {
            private InferenceSession _session => _lazySession.Get<InferenceSession>();

            private readonly LazyValue _lazySession;

            [MethodImpl(MethodImplOptions.NoInlining)]
            private object CreateSession() => new InferenceSession("model.onnx");

            public Scorer()
            {
                _lazySession = new LazyValue("Microsoft.ML.OnnxRuntime", CreateSession);
            }

            public int Score(string input) => _session.Run(input).Length;

            public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

            public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        }
        """,
        runtime: true,
        outputKind: Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary);

    [Fact]
    public Task The_code_action_says_what_it_does() => new LazyFixTest<LZM0002DeferStartupWorkFixer>(runtime: true)
    {
        TestCode = """
            using System.Threading;
            using System.Threading.Tasks;
            using LazyMigrate;
            using Microsoft.Extensions.Hosting;
            using Microsoft.ML.OnnxRuntime;

            public sealed class Warmer : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    var options = {|LZM0002:new SessionOptions()|};
                    await Task.Delay(10, stoppingToken);
                    System.GC.KeepAlive(options);
                }
            }
            """ + Readiness,
        FixedCode = """
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;
            using LazyMigrate;
            using Microsoft.Extensions.Hosting;
            using Microsoft.ML.OnnxRuntime;

            public sealed class Warmer : BackgroundService
            {
                protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                {
                    // Runs once the app is ready: startup neither waits for nor competes with this work.
                    await LazyLoading.WhenReady(stoppingToken);
                    await ExecuteWhenReadyAsync(stoppingToken);
                }

                [MethodImpl(MethodImplOptions.NoInlining)]
                private async Task ExecuteWhenReadyAsync(CancellationToken stoppingToken)
                {
                    var options = new SessionOptions();
                    await Task.Delay(10, stoppingToken);
                    System.GC.KeepAlive(options);
                }
            }
            """ + Readiness,
        CodeActionVerifier = (action, verifier) => verifier.Equal("Start the background service once the app is ready", action.Title),
    }.RunAsync();

    [Fact]
    public Task No_fix_when_the_project_never_signals_readiness() => Verify<LZM0002DeferStartupWorkFixer>.NoFixAsync(
        """
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Hosting;
        using Microsoft.ML.OnnxRuntime;

        public sealed class Warmer : BackgroundService
        {
            protected override async Task ExecuteAsync(CancellationToken stoppingToken)
            {
                var options = {|LZM0002:new SessionOptions()|};
                await Task.Delay(10, stoppingToken);
                System.GC.KeepAlive(options);
            }
        }
        """,
        runtime: true);

    [Fact]
    public Task No_fix_without_the_runtime() => Verify<LZM0002DeferStartupWorkFixer>.NoFixAsync(
        """
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Hosting;
        using Microsoft.ML.OnnxRuntime;

        public sealed class Warmer : BackgroundService
        {
            protected override async Task ExecuteAsync(CancellationToken stoppingToken)
            {
                var options = {|LZM0002:new SessionOptions()|};
                await Task.Delay(10, stoppingToken);
                System.GC.KeepAlive(options);
            }
        }
        """,
        runtime: false);

    [Fact]
    public Task No_fix_when_ExecuteAsync_is_not_async_or_in_a_plain_hosted_service() => Verify<LZM0002DeferStartupWorkFixer>.NoFixAsync(
        """
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Hosting;
        using Microsoft.ML.OnnxRuntime;

        public sealed class Warmer : BackgroundService
        {
            protected override Task ExecuteAsync(CancellationToken stoppingToken)
            {
                var options = {|LZM0002:new SessionOptions()|};
                System.GC.KeepAlive(options);
                return Task.CompletedTask;
            }
        }

        public sealed class Seeder : IHostedService
        {
            public Task StartAsync(CancellationToken cancellationToken)
            {
                var options = {|LZM0002:new SessionOptions()|};
                System.GC.KeepAlive(options);
                return Task.CompletedTask;
            }

            public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        }

        public static class Readiness
        {
            public static void Signal() => LazyMigrate.LazyLoading.MarkReady();
        }
        """,
        runtime: true);
}
