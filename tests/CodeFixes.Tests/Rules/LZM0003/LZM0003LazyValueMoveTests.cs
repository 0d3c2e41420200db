using System.Threading.Tasks;
using LazyMigrate.CodeFixes.Rules;
using LazyMigrate.CodeFixes.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using static LazyMigrate.CodeFixes.Tests.Rules.LZM0003LazyValueMoveShapes;

namespace LazyMigrate.CodeFixes.Tests.Rules;

/// <summary>
/// LZM0003's "Move the singleton to a lazy value" (LZM0003LazyValueMove) where it applies. The move is
/// opt-in: these tests turn it on with <see cref="LZM0003LazyValueMoveShapes.MovePreferred"/>. Refusals,
/// trivia and the order of the two fixes have test classes of their own.
/// </summary>
public class LZM0003LazyValueMoveTests
{
    [Fact]
    public Task Sample_shape_top_level_Program_two_registrations_move_to_one_LazyServices_class()
    {
        var test = new LazyFixTest<LZM0003FactoryRegistrationFixer>(runtime: true, MovePreferred)
        {
            // No CS1572/CS1573 (stale <param> docs) nor any other warning in the result; no LZM
            // diagnostic is left either (the framework compares every analyzer's diagnostics).
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.TestState.Sources.Add(("Program.cs", """
            using App;
            using Azure.Storage.Blobs;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.ML;

            IServiceCollection services = Settings.Services;

            // Clients shared by the whole app, built once at registration.
            services.AddSingleton({|LZM0003:new MLContext(seed: 1)|});
            services.AddSingleton({|LZM0003:new BlobServiceClient(Settings.Connection)|});

            services.AddTransient<FeatureHandler>();
            services.AddTransient<StorageHandler>();
            System.Console.WriteLine(services.Count);
            """));
        test.TestState.Sources.Add(("Handlers.cs", """
            using Azure.Storage.Blobs;
            using Microsoft.ML;

            namespace App;

            /// <summary>Normalizes features.</summary>
            /// <param name="ml">The shared ML context.</param>
            internal sealed class FeatureHandler(MLContext ml)
            {
                public string Normalize() => ml.Data;
            }

            /// <summary>Computes where a thumbnail is stored.</summary>
            internal sealed class StorageHandler
            {
                private readonly BlobServiceClient _blobs;
                private readonly string _container;

                /// <summary>Creates the handler.</summary>
                /// <param name="blobs">The blob client.</param>
                /// <param name="settings">Where to store.</param>
                public StorageHandler(BlobServiceClient blobs, SettingsHolder settings)
                {
                    _blobs = blobs;
                    _container = settings.Container;
                }

                public string Uri() => _blobs.GetBlobContainerClient(_container);
            }

            /// <summary>Cheap settings.</summary>
            internal sealed class SettingsHolder
            {
                public string Container => "thumbnails";
            }
            """));
        test.TestState.Sources.Add(("Settings.cs", Settings));
        test.FixedState.OutputKind = OutputKind.ConsoleApplication;
        test.FixedState.Sources.Add(("Program.cs", """
            using System.Runtime.CompilerServices;
            using App;
            using Azure.Storage.Blobs;
            using LazyMigrate;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.ML;

            IServiceCollection services = Settings.Services;

            // Clients shared by the whole app, built once at registration.

            services.AddTransient<FeatureHandler>();
            services.AddTransient<StorageHandler>();
            System.Console.WriteLine(services.Count);

            // Singletons moved out of the service container (LZM0003): a registration names its type, which
            // loads the type's assembly at startup; these are built on first use instead.
            internal static class LazyServices
            {
                internal static MLContext MLContext => MLContextHolder.Value ?? s_mlContext.Get<MLContext>();

                private static readonly LazyValue s_mlContext = new LazyValue("Microsoft.ML", CreateMLContext);

                [LazyValueHolder]
                private static class MLContextHolder
                {
                    // Initialized on the first read of MLContext; from then on the JIT reads it as a constant.
                    public static readonly MLContext? Value = s_mlContext.GetOrDefault<MLContext>();
                }

                [MethodImpl(MethodImplOptions.NoInlining)]
                private static object CreateMLContext() => new MLContext(seed: 1);

                internal static BlobServiceClient BlobServiceClient => BlobServiceClientHolder.Value ?? s_blobServiceClient.Get<BlobServiceClient>();

                private static readonly LazyValue s_blobServiceClient = new LazyValue("Azure SDK", CreateBlobServiceClient);

                [LazyValueHolder]
                private static class BlobServiceClientHolder
                {
                    // Initialized on the first read of BlobServiceClient; from then on the JIT reads it as a constant.
                    public static readonly BlobServiceClient? Value = s_blobServiceClient.GetOrDefault<BlobServiceClient>();
                }

                [MethodImpl(MethodImplOptions.NoInlining)]
                private static object CreateBlobServiceClient() => new BlobServiceClient(Settings.Connection);
            }
            """));
        test.FixedState.Sources.Add(("Handlers.cs", """
            using Azure.Storage.Blobs;
            using Microsoft.ML;

            namespace App;

            /// <summary>Normalizes features.</summary>
            internal sealed class FeatureHandler
            {
                public string Normalize() => LazyServices.MLContext.Data;
            }

            /// <summary>Computes where a thumbnail is stored.</summary>
            internal sealed class StorageHandler
            {
                private readonly BlobServiceClient _blobs;
                private readonly string _container;

                /// <summary>Creates the handler.</summary>
                /// <param name="settings">Where to store.</param>
                public StorageHandler(SettingsHolder settings)
                {
                    _blobs = LazyServices.BlobServiceClient;
                    _container = settings.Container;
                }

                public string Uri() => _blobs.GetBlobContainerClient(_container);
            }

            /// <summary>Cheap settings.</summary>
            internal sealed class SettingsHolder
            {
                public string Container => "thumbnails";
            }
            """));
        test.FixedState.Sources.Add(("Settings.cs", Settings));
        return test.RunAsync();
    }

    [Fact]
    public Task Extension_method_registration_LazyServices_goes_after_the_registering_type_consumer_in_other_namespace_gets_using()
    {
        var test = MoveTest(checkWarnings: true);
        test.TestState.Sources.Add(("Registration.cs", """
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.ML;

            namespace App.Setup
            {
                internal static class ServiceSetup
                {
                    internal static IServiceCollection AddClients(this IServiceCollection services)
                    {
                        services.AddSingleton<IServiceCollection>(services);

                        // One context for the whole app.
                        services.AddSingleton({|LZM0003:new MLContext(seed: 1)|}); // seeded for repeatable runs
                        return services;
                    }
                }

                internal static class Other
                {
                }
            }
            """));
        test.TestState.Sources.Add(("Consumer.cs", """
            using Microsoft.ML;

            namespace Web.Features
            {
                internal sealed class FeatureHandler
                {
                    private readonly MLContext _ml;

                    public FeatureHandler(MLContext ml) => _ml = ml;

                    public string Normalize() => _ml.Data;
                }
            }
            """));
        test.FixedState.Sources.Add(("Registration.cs", """
            using System.Runtime.CompilerServices;
            using LazyMigrate;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.ML;

            namespace App.Setup
            {
                internal static class ServiceSetup
                {
                    internal static IServiceCollection AddClients(this IServiceCollection services)
                    {
                        services.AddSingleton<IServiceCollection>(services);

                        // One context for the whole app.
                        // seeded for repeatable runs
                        return services;
                    }
                }

                // Singletons moved out of the service container (LZM0003): a registration names its type, which
                // loads the type's assembly at startup; these are built on first use instead.
                internal static class LazyServices
                {
                    internal static MLContext MLContext => MLContextHolder.Value ?? s_mlContext.Get<MLContext>();

                    private static readonly LazyValue s_mlContext = new LazyValue("Microsoft.ML", CreateMLContext);

                    [LazyValueHolder]
                    private static class MLContextHolder
                    {
                        // Initialized on the first read of MLContext; from then on the JIT reads it as a constant.
                        public static readonly MLContext? Value = s_mlContext.GetOrDefault<MLContext>();
                    }

                    [MethodImpl(MethodImplOptions.NoInlining)]
                    private static object CreateMLContext() => new MLContext(seed: 1);
                }

                internal static class Other
                {
                }
            }
            """));
        test.FixedState.Sources.Add(("Consumer.cs", """
            using App.Setup;
            using Microsoft.ML;

            namespace Web.Features
            {
                internal sealed class FeatureHandler
                {
                    private readonly MLContext _ml;

                    public FeatureHandler() => _ml = LazyServices.MLContext;

                    public string Normalize() => _ml.Data;
                }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task LazyServices_from_an_earlier_fix_is_reused_interface_service_type()
    {
        const string Program = """
            using Azure.Storage.Blobs;
            using Microsoft.Extensions.DependencyInjection;

            namespace App;

            internal static class Registration
            {
                internal static void Register(IServiceCollection services)
                {
                    services.AddSingleton<IBlobStore>({|LZM0003:new BlobStore("thumbnails")|});
                }
            }
            """;
        var test = MoveTest(checkWarnings: true);
        test.TestState.Sources.Add(("Registration.cs", Program));
        test.TestState.Sources.Add(("LazyServices.cs", """
            using System.Runtime.CompilerServices;
            using LazyMigrate;
            using Microsoft.ML;

            namespace App;

            internal static class LazyServices
            {
                internal static MLContext MLContext => MLContextHolder.Value ?? s_mlContext.Get<MLContext>();

                private static readonly LazyValue s_mlContext = new LazyValue("Microsoft.ML", CreateMLContext);

                [LazyValueHolder]
                private static class MLContextHolder
                {
                    public static readonly MLContext? Value = s_mlContext.GetOrDefault<MLContext>();
                }

                [MethodImpl(MethodImplOptions.NoInlining)]
                private static object CreateMLContext() => new MLContext(seed: 1);
            }
            """));
        test.TestState.Sources.Add(("Store.cs", """
            using Azure.Storage.Blobs;

            namespace App;

            internal sealed class StorageHandler(IBlobStore store)
            {
                public string Where() => store.Name;
            }
            """));
        test.FixedState.Sources.Add(("Registration.cs", """
            using Azure.Storage.Blobs;
            using Microsoft.Extensions.DependencyInjection;

            namespace App;

            internal static class Registration
            {
                internal static void Register(IServiceCollection services)
                {
                }
            }
            """));
        test.FixedState.Sources.Add(("LazyServices.cs", """
            using System.Runtime.CompilerServices;
            using Azure.Storage.Blobs;
            using LazyMigrate;
            using Microsoft.ML;

            namespace App;

            internal static class LazyServices
            {
                internal static MLContext MLContext => MLContextHolder.Value ?? s_mlContext.Get<MLContext>();

                private static readonly LazyValue s_mlContext = new LazyValue("Microsoft.ML", CreateMLContext);

                [LazyValueHolder]
                private static class MLContextHolder
                {
                    public static readonly MLContext? Value = s_mlContext.GetOrDefault<MLContext>();
                }

                [MethodImpl(MethodImplOptions.NoInlining)]
                private static object CreateMLContext() => new MLContext(seed: 1);

                internal static IBlobStore IBlobStore => IBlobStoreHolder.Value ?? s_iBlobStore.Get<IBlobStore>();

                private static readonly LazyValue s_iBlobStore = new LazyValue("Azure SDK", CreateIBlobStore);

                [LazyValueHolder]
                private static class IBlobStoreHolder
                {
                    // Initialized on the first read of IBlobStore; from then on the JIT reads it as a constant.
                    public static readonly IBlobStore? Value = s_iBlobStore.GetOrDefault<IBlobStore>();
                }

                [MethodImpl(MethodImplOptions.NoInlining)]
                private static object CreateIBlobStore() => new BlobStore("thumbnails");
            }
            """));
        test.FixedState.Sources.Add(("Store.cs", """
            using Azure.Storage.Blobs;

            namespace App;

            internal sealed class StorageHandler
            {
                public string Where() => LazyServices.IBlobStore.Name;
            }
            """));
        return test.RunAsync();
    }

    /// <summary>The control for the refusals below: the shared shape alone moves.</summary>
    [Fact]
    public Task Control_shared_shape_alone_moves()
    {
        var test = MoveTest();
        test.TestState.Sources.Add(("Registration.cs", Registration(FlaggedRegistration)));
        test.TestState.Sources.Add(("Consumer.cs", Consumer));
        test.FixedState.Sources.Add(("Registration.cs", MovedRegistration));
        test.FixedState.Sources.Add(("Consumer.cs", MovedConsumer));
        return test.RunAsync();
    }

    /// <summary>A user class whose name only starts with LazyServices is not an earlier move's class, holder or not.</summary>
    [Fact]
    public Task User_class_named_like_the_generated_one_is_left_alone()
    {
        const string Config = """
            namespace App;

            internal static class LazyServicesConfig
            {
                public static string Name => Holder.Value;

                [LazyMigrate.LazyValueHolder]
                private static class Holder
                {
                    public static readonly string Value = "config";
                }
            }
            """;
        var test = MoveTest();
        test.TestState.Sources.Add(("Registration.cs", Registration(FlaggedRegistration)));
        test.TestState.Sources.Add(("Consumer.cs", Consumer));
        test.TestState.Sources.Add(("Config.cs", Config));
        test.FixedState.Sources.Add(("Registration.cs", MovedRegistration));
        test.FixedState.Sources.Add(("Consumer.cs", MovedConsumer));
        test.FixedState.Sources.Add(("Config.cs", Config));
        return test.RunAsync();
    }

    [Fact]
    public Task Top_level_lambda_registration_consumer_in_the_same_file_paramref_points_to_the_LazyValue()
    {
        var test = MoveTest(checkWarnings: true);
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.TestState.Sources.Add(("Program.cs", """
            using System;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.ML;

            Action<IServiceCollection> configure = services =>
            {
                services.AddSingleton({|LZM0003:new MLContext()|});
                services.AddTransient<Trainer>();
            };
            Console.WriteLine(configure);

            /// <summary>Trains with <paramref name="ml"/>.</summary>
            /// <param name="ml">The context.</param>
            /// <param name="epochs">How long.</param>
            internal sealed class Trainer(MLContext ml, int epochs)
            {
                public string Run() => ml.Data + epochs;
            }
            """));
        test.FixedState.OutputKind = OutputKind.ConsoleApplication;
        test.FixedState.Sources.Add(("Program.cs", """
            using System;
            using System.Runtime.CompilerServices;
            using LazyMigrate;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.ML;

            Action<IServiceCollection> configure = services =>
            {
                services.AddTransient<Trainer>();
            };
            Console.WriteLine(configure);

            /// <summary>Trains with <see cref="LazyServices.MLContext"/>.</summary>
            /// <param name="epochs">How long.</param>
            internal sealed class Trainer(int epochs)
            {
                public string Run() => LazyServices.MLContext.Data + epochs;
            }

            // Singletons moved out of the service container (LZM0003): a registration names its type, which
            // loads the type's assembly at startup; these are built on first use instead.
            internal static class LazyServices
            {
                internal static MLContext MLContext => MLContextHolder.Value ?? s_mlContext.Get<MLContext>();

                private static readonly LazyValue s_mlContext = new LazyValue("Microsoft.ML", CreateMLContext);

                [LazyValueHolder]
                private static class MLContextHolder
                {
                    // Initialized on the first read of MLContext; from then on the JIT reads it as a constant.
                    public static readonly MLContext? Value = s_mlContext.GetOrDefault<MLContext>();
                }

                [MethodImpl(MethodImplOptions.NoInlining)]
                private static object CreateMLContext() => new MLContext();
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task Ordinary_method_parameter_helper_called_from_a_consumer_moves_and_keeps_the_parameter() => MovesWithFeaturePipelineAsync();

    /// <summary>The sample shape with a helper taking the service from its caller; <paramref name="extra"/> joins both states unchanged.</summary>
    private static Task MovesWithFeaturePipelineAsync(params (string Name, string Source)[] extra)
    {
        var test = MoveTest(checkWarnings: true);
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.TestState.Sources.Add(("Program.cs", """
            using App;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.ML;

            IServiceCollection services = Settings.Services;
            services.AddSingleton({|LZM0003:new MLContext(seed: 1)|});
            services.AddTransient<FeatureHandler>();
            """));
        test.TestState.Sources.Add(("Handlers.cs", """
            using Microsoft.ML;

            namespace App;

            internal sealed class FeatureHandler(MLContext ml)
            {
                public int Score() => FeaturePipeline.Fit(ml);
            }
            """));
        test.TestState.Sources.Add(("FeaturePipeline.cs", FeaturePipeline));
        test.TestState.Sources.Add(("Settings.cs", Settings));
        foreach (var source in extra)
        {
            test.TestState.Sources.Add(source);
        }

        test.FixedState.OutputKind = OutputKind.ConsoleApplication;
        test.FixedState.Sources.Add(("Program.cs", """
            using System.Runtime.CompilerServices;
            using App;
            using LazyMigrate;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.ML;

            IServiceCollection services = Settings.Services;
            services.AddTransient<FeatureHandler>();

            // Singletons moved out of the service container (LZM0003): a registration names its type, which
            // loads the type's assembly at startup; these are built on first use instead.
            internal static class LazyServices
            {
                internal static MLContext MLContext => MLContextHolder.Value ?? s_mlContext.Get<MLContext>();

                private static readonly LazyValue s_mlContext = new LazyValue("Microsoft.ML", CreateMLContext);

                [LazyValueHolder]
                private static class MLContextHolder
                {
                    // Initialized on the first read of MLContext; from then on the JIT reads it as a constant.
                    public static readonly MLContext? Value = s_mlContext.GetOrDefault<MLContext>();
                }

                [MethodImpl(MethodImplOptions.NoInlining)]
                private static object CreateMLContext() => new MLContext(seed: 1);
            }
            """));
        test.FixedState.Sources.Add(("Handlers.cs", """
            using Microsoft.ML;

            namespace App;

            internal sealed class FeatureHandler
            {
                public int Score() => FeaturePipeline.Fit(LazyServices.MLContext);
            }
            """));
        test.FixedState.Sources.Add(("FeaturePipeline.cs", FeaturePipeline));
        test.FixedState.Sources.Add(("Settings.cs", Settings));
        foreach (var source in extra)
        {
            test.FixedState.Sources.Add(source);
        }

        return test.RunAsync();
    }

    /// <summary><c>new MLContext(..)</c> outside the registration builds an unrelated instance: it does not block the move and stays as written.</summary>
    [Fact]
    public Task Object_creation_elsewhere_builds_its_own_instance_still_moves() => MovesWithFeaturePipelineAsync(("Models.cs", Models));

    private const string Models = """
        using Microsoft.ML;

        namespace App;

        internal static class Models
        {
            public static int Offline() => FeaturePipeline.Fit(new MLContext(seed: 2));

            public static int Qualified() => FeaturePipeline.Fit(new global::Microsoft.ML.MLContext(seed: 3));
        }
        """;
}
