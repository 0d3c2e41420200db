using System.Threading.Tasks;
using LazyMigrate.Analyzers.Tests.Infrastructure;

namespace LazyMigrate.Analyzers.Tests.Rules;

public sealed class LZM0003Tests
{
    [Fact]
    public Task Reports_instances_built_at_registration_anywhere() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using System;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.DependencyInjection.Extensions;
            using Microsoft.ML.OnnxRuntime;
            using ImageMagick;
            static class Registrations
            {
                public static void Add(IServiceCollection services)
                {
                    services.AddSingleton({|LZM0003:new InferenceSession("m")|});
                    services.AddSingleton<InferenceSession>({|LZM0003:InferenceSession.Create("m")|});
                    services.AddSingleton(typeof(MagickImage), {|LZM0003:new MagickImage()|});
                    var local = new MagickImage("x");
                    services.TryAddSingleton({|LZM0003:local|});
                    services.AddKeyedSingleton("small", {|LZM0003:new InferenceSession("small")|});
                    services.TryAddKeyedSingleton<InferenceSession>("big", {|LZM0003:new InferenceSession("big")|});
                    services.AddSingleton<IDisposable>({|LZM0003:new MagickImage()|});
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task Reports_in_startup_methods_instead_of_LZM0002_or_LZM0005() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.ML.OnnxRuntime;
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddSingleton<InferenceSession>({|LZM0003:new InferenceSession("m")|});
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task DoesNotReport_factories_type_registrations_fields_or_light_instances() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using System.Net.Http;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.ML.OnnxRuntime;
            static class Registrations
            {
                private static readonly System.Lazy<InferenceSession> s_session = new(() => new InferenceSession("m"));
                public static void Add(IServiceCollection services, InferenceSession injected)
                {
                    services.AddSingleton(sp => new InferenceSession("m"));
                    services.AddSingleton<InferenceSession>(sp => InferenceSession.Create("m"));
                    services.AddSingleton<InferenceSession>();
                    services.AddSingleton(injected);
                    services.AddSingleton(new HttpClient());
                    services.AddScoped(sp => new InferenceSession("scoped"));
                }
            }
            """).ValidateAsync();
}
