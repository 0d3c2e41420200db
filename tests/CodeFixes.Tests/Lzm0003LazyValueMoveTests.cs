using System.Threading.Tasks;
using LazyMigrate.CodeFixes.Fixes;
using LazyMigrate.CodeFixes.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace LazyMigrate.CodeFixes.Tests;

/// <summary>LZM0003's "Move the singleton to a lazy value" (SingletonToLazyValueMove) and its fallback to the factory fix.</summary>
public class Lzm0003LazyValueMoveTests
{
    private const string Settings = """
        using Microsoft.Extensions.DependencyInjection;

        namespace App;

        internal static class Settings
        {
            public const string Connection = "UseDevelopmentStorage=true";
            public static IServiceCollection Services { get; } = null!;
        }
        """;

    [Fact]
    public Task SampleShape_TopLevelProgram_TwoRegistrations_MoveToOneLazyServicesClass()
    {
        var test = new LazyFixTest<Lzm0003FactoryRegistrationFixer>(runtime: true)
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
}
