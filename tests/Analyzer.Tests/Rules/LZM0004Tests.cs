using System.Threading.Tasks;
using LazyMigrate.Analyzers.Tests.Infrastructure;

namespace LazyMigrate.Analyzers.Tests.Rules;

public sealed class LZM0004Tests
{
    [Fact]
    public Task Reports_heavy_services_resolved_before_the_app_runs() =>
        AnalyzerTestBuilder.Create().AsConsoleApplication().WithSource("""
            using System;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.ML.OnnxRuntime;
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSingleton({|LZM0005:sp => new InferenceSession("m")|});
            var app = builder.Build();
            var session = {|LZM0004:app.Services.GetRequiredService<InferenceSession>()|};
            var again = {|LZM0004:app.Services.GetService(typeof(InferenceSession))|};
            var keyed = {|LZM0004:app.Services.GetRequiredKeyedService<InferenceSession>("big")|};
            app.Run();
            var afterRun = app.Services.GetRequiredService<{|LZM0005:InferenceSession|}>();
            """).ValidateAsync();

    [Fact]
    public Task Reports_resolution_in_hosted_service_constructors() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;
            using Microsoft.ML.OnnxRuntime;
            sealed class Warmup : IHostedService
            {
                private readonly InferenceSession _session;
                public Warmup(IServiceProvider services) => _session = {|LZM0004:services.GetRequiredService<InferenceSession>()|};
                public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
                public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
            }
            """).ValidateAsync();

    [Fact]
    public Task DoesNotReport_light_services_or_resolution_outside_startup() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using System;
            using System.Net.Http;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.ML.OnnxRuntime;
            static class Program
            {
                static void Main()
                {
                    IServiceProvider services = new ServiceCollection().BuildServiceProvider();
                    var client = services.GetRequiredService<HttpClient>();
                }
                static float[] Handle(IServiceProvider services) => services.GetRequiredService<InferenceSession>().Run(new float[0]);
            }
            """).ValidateAsync();
}
