using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate.CodeFixes.Rules;
using LazyMigrate.CodeFixes.Tests.Infrastructure;
using LazyMigrate.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace LazyMigrate.CodeFixes.Tests.Rules;

/// <summary>
/// LZM0003's "Move the singleton to a lazy value" (LZM0003LazyValueMove) and its fallback to the
/// factory fix. The move is opt-in: most tests turn it on with <see cref="MovePreferred"/>; the
/// default-order tests check that without it the factory registration is what batch fixing applies.
/// </summary>
public class LZM0003LazyValueMoveTests
{
    /// <summary>The .editorconfig (here: global config) line that makes the move the first LZM0003 fix.</summary>
    private const string MovePreferred = "lazymigrate.lzm0003.preferred_fix = lazy_value_move";

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

    private const string Consumer = """
        using Microsoft.ML;

        namespace App;

        internal sealed class FeatureHandler(MLContext ml)
        {
            public MLContext Context => ml;

            public string Normalize() => ml.Data;
        }
        """;

    [Fact]
    public Task ExtensionMethodRegistration_LazyServicesGoesAfterTheRegisteringType_ConsumerInOtherNamespaceGetsUsing()
    {
        var test = new LazyFixTest<LZM0003FactoryRegistrationFixer>(runtime: true, MovePreferred) { CompilerDiagnostics = CompilerDiagnostics.Warnings };
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
    public Task LazyServicesFromAnEarlierFix_IsReused_InterfaceServiceType()
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
        var test = new LazyFixTest<LZM0003FactoryRegistrationFixer>(runtime: true, MovePreferred) { CompilerDiagnostics = CompilerDiagnostics.Warnings };
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

    [Fact]
    public Task Refused_ServiceResolvedFromTheContainer_FallsBackToFactory() => FallsBackToFactoryAsync(
        "services.AddSingleton({|LZM0003:new MLContext(seed: 1)|});",
        "services.AddSingleton(sp => new MLContext(seed: 1));",
        """
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.ML;

        namespace App;

        internal static class Use
        {
            public static string Data(System.IServiceProvider provider) => provider.GetRequiredService<MLContext>().Data;
        }
        """);

    [Fact]
    public Task Refused_ConsumerBuiltExplicitly_FallsBackToFactory() => FallsBackToFactoryAsync(
        "services.AddSingleton({|LZM0003:new MLContext(seed: 1)|});",
        "services.AddSingleton(sp => new MLContext(seed: 1));",
        """
        namespace App;

        internal static class Copies
        {
            public static FeatureHandler Copy(FeatureHandler handler) => new FeatureHandler(handler.Context);
        }
        """);

    [Fact]
    public Task Refused_LambdaParameterOfTheServiceType_FallsBackToFactory() => FallsBackToFactoryAsync(
        "services.AddSingleton({|LZM0003:new MLContext(seed: 1)|});",
        "services.AddSingleton(sp => new MLContext(seed: 1));",
        """
        using Microsoft.ML;

        namespace App;

        internal static class Endpoints
        {
            public static void Map(System.Delegate handler) { }

            public static void MapAll() => Map((MLContext ml) => ml.Data);
        }
        """);

    [Fact]
    public Task Refused_InstanceReadsALocal_FallsBackToFactory() => FallsBackToFactoryAsync(
        """
        var seed = 1;
                services.AddSingleton({|LZM0003:new MLContext(seed)|});
        """,
        """
        var seed = 1;
                services.AddSingleton(sp => new MLContext(seed));
        """,
        null);

    [Fact]
    public Task Refused_TryAddSingleton_FallsBackToFactory() => FallsBackToFactoryAsync(
        "services.TryAddSingleton({|LZM0003:new MLContext(seed: 1)|});",
        "services.TryAddSingleton(sp => new MLContext(seed: 1));",
        null);

    [Fact]
    public Task Refused_Keyed_FallsBackToFactory() => FallsBackToFactoryAsync(
        "services.AddKeyedSingleton(\"ml\", {|LZM0003:new MLContext(seed: 1)|});",
        "services.AddKeyedSingleton(\"ml\", (sp, key) => new MLContext(seed: 1));",
        null);

    [Fact]
    public Task Refused_NoRuntime_FallsBackToFactory() => FallsBackToFactoryAsync(
        "services.AddSingleton({|LZM0003:new MLContext(seed: 1)|});",
        "services.AddSingleton(sp => new MLContext(seed: 1));",
        null,
        runtime: false);

    [Fact]
    public Task Refused_ConsumerIsARecord_FallsBackToFactory() => FallsBackToFactoryAsync(
        "services.AddSingleton({|LZM0003:new MLContext(seed: 1)|});",
        "services.AddSingleton(sp => new MLContext(seed: 1));",
        """
        using Microsoft.ML;

        namespace App;

        internal sealed record Scorer(MLContext Ml);
        """);

    [Fact]
    public Task Refused_SecondRegistrationOfTheServiceType_FallsBackToFactory() => FallsBackToFactoryAsync(
        "services.AddSingleton({|LZM0003:new MLContext(seed: 1)|});",
        "services.AddSingleton(sp => new MLContext(seed: 1));",
        """
        using Microsoft.Extensions.DependencyInjection;

        namespace App;

        internal static class Again
        {
            public static void Register(IServiceCollection services, FeatureHandler handler) => services.AddSingleton(handler.Context);
        }
        """);

    /// <summary>An attribute on a property of the service type may ask a framework to inject it (Blazor's <c>[Inject]</c>).</summary>
    [Fact]
    public Task Refused_PropertyWithAnAttribute_FallsBackToFactory() => FallsBackToFactoryAsync(
        "services.AddSingleton({|LZM0003:new MLContext(seed: 1)|});",
        "services.AddSingleton(sp => new MLContext(seed: 1));",
        """
        using Microsoft.ML;

        namespace App;

        [System.AttributeUsage(System.AttributeTargets.Property | System.AttributeTargets.Field)]
        internal sealed class InjectAttribute : System.Attribute
        {
        }

        internal sealed class Page
        {
            [Inject]
            public MLContext Ml { get; set; } = null!;
        }
        """);

    [Fact]
    public Task Refused_FieldWithAnAttribute_FallsBackToFactory() => FallsBackToFactoryAsync(
        "services.AddSingleton({|LZM0003:new MLContext(seed: 1)|});",
        "services.AddSingleton(sp => new MLContext(seed: 1));",
        """
        using Microsoft.ML;

        namespace App;

        [System.AttributeUsage(System.AttributeTargets.Property | System.AttributeTargets.Field)]
        internal sealed class InjectAttribute : System.Attribute
        {
        }

        internal sealed class Page
        {
            [Inject]
            public MLContext? Ml;
        }
        """);

    /// <summary>A component's properties may be injected by convention, without an attribute in sight.</summary>
    [Fact]
    public Task Refused_PropertyOfAComponent_FallsBackToFactory() => FallsBackToFactoryAsync(
        "services.AddSingleton({|LZM0003:new MLContext(seed: 1)|});",
        "services.AddSingleton(sp => new MLContext(seed: 1));",
        """
        using Microsoft.ML;

        namespace App;

        internal abstract class ComponentBase
        {
        }

        internal sealed class Page : ComponentBase
        {
            public MLContext Ml { get; set; } = null!;
        }
        """);

    /// <summary>A registration under a condition: removing it would drop the condition (the lazy value is always there).</summary>
    [Fact]
    public Task Refused_ConditionalRegistration_FallsBackToFactory() => FallsBackToFactoryAsync(
        """
        if (services.Count > 0)
                {
                    services.AddSingleton({|LZM0003:new MLContext(seed: 1)|});
                }
        """,
        """
        if (services.Count > 0)
                {
                    services.AddSingleton(sp => new MLContext(seed: 1));
                }
        """,
        null);

    /// <summary>Only <c>new S(..)</c> itself builds its own instance; <c>new List&lt;S&gt;()</c> names S as a type argument.</summary>
    [Fact]
    public Task Refused_ServiceTypeAsATypeArgumentOfACreatedType_FallsBackToFactory() => FallsBackToFactoryAsync(
        "services.AddSingleton({|LZM0003:new MLContext(seed: 1)|});",
        "services.AddSingleton(sp => new MLContext(seed: 1));",
        """
        using Microsoft.ML;

        namespace App;

        internal static class Pools
        {
            public static int Count() => new System.Collections.Generic.List<MLContext>().Count;
        }
        """);

    /// <summary>A use of the parameter in another part of a partial class would lose its declaration (CS0103).</summary>
    [Fact]
    public Task Refused_PartialConsumerClass_FallsBackToFactory() => FallsBackToFactoryWithFilesAsync(
        "services.AddSingleton({|LZM0003:new MLContext(seed: 1)|});",
        "services.AddSingleton(sp => new MLContext(seed: 1));",
        ("SplitA.cs", """
            using Microsoft.ML;

            namespace App;

            internal sealed partial class Split(MLContext ml)
            {
                public string A => "a";
            }
            """),
        ("SplitB.cs", """
            namespace App;

            internal sealed partial class Split
            {
                public string B => ml.Data;
            }
            """));

    /// <summary>
    /// The shared shape (a registration in a method, <see cref="Consumer"/> taking the service) plus
    /// <paramref name="extra"/>, which makes the move not apply: the factory fix is applied instead.
    /// </summary>
    private static Task FallsBackToFactoryAsync(string registration, string fixedRegistration, string? extra, bool runtime = true)
        => FallsBackToFactoryAsync(registration, fixedRegistration, runtime, extra is null ? [] : [("Extra.cs", extra)]);

    /// <summary>As above, with several extra files.</summary>
    private static Task FallsBackToFactoryWithFilesAsync(string registration, string fixedRegistration, params (string Name, string Source)[] extras)
        => FallsBackToFactoryAsync(registration, fixedRegistration, runtime: true, extras);

    private static Task FallsBackToFactoryAsync(string registration, string fixedRegistration, bool runtime, (string Name, string Source)[] extras)
    {
        const string Template = RegistrationTemplate;
        var test = new LazyFixTest<LZM0003FactoryRegistrationFixer>(runtime);
        test.TestState.Sources.Add(("Registration.cs", Template.Replace("REGISTRATION", registration)));
        test.TestState.Sources.Add(("Consumer.cs", Consumer));
        test.FixedState.Sources.Add(("Registration.cs", Template.Replace("REGISTRATION", fixedRegistration)));
        test.FixedState.Sources.Add(("Consumer.cs", Consumer));
        foreach (var file in extras)
        {
            test.TestState.Sources.Add(file);
            test.FixedState.Sources.Add(file);
        }

        return test.RunAsync();
    }

    private const string RegistrationTemplate = """
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.DependencyInjection.Extensions;
        using Microsoft.ML;

        namespace App;

        public static class Registration
        {
            public static void Register(IServiceCollection services)
            {
                REGISTRATION
            }
        }
        """;

    /// <summary><see cref="RegistrationTemplate"/> after the move of <c>new MLContext(seed: 1)</c>.</summary>
    private const string MovedRegistration = """
        using System.Runtime.CompilerServices;
        using LazyMigrate;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.Extensions.DependencyInjection.Extensions;
        using Microsoft.ML;

        namespace App;

        public static class Registration
        {
            public static void Register(IServiceCollection services)
            {
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
        """;

    /// <summary><see cref="Consumer"/> after the move.</summary>
    private const string MovedConsumer = """
        using Microsoft.ML;

        namespace App;

        internal sealed class FeatureHandler
        {
            public MLContext Context => LazyServices.MLContext;

            public string Normalize() => LazyServices.MLContext.Data;
        }
        """;

    /// <summary>The control for the refusals below: the shared shape alone moves.</summary>
    [Fact]
    public Task Control_SharedShapeAlone_Moves()
    {
        var test = new LazyFixTest<LZM0003FactoryRegistrationFixer>(runtime: true, MovePreferred);
        test.TestState.Sources.Add(("Registration.cs", RegistrationTemplate.Replace("REGISTRATION", "services.AddSingleton({|LZM0003:new MLContext(seed: 1)|});")));
        test.TestState.Sources.Add(("Consumer.cs", Consumer));
        test.FixedState.Sources.Add(("Registration.cs", MovedRegistration));
        test.FixedState.Sources.Add(("Consumer.cs", MovedConsumer));
        return test.RunAsync();
    }

    /// <summary>A comment above a removed constructor parameter stays, above the next one.</summary>
    [Fact]
    public Task CommentAboveTheRemovedParameter_Stays()
    {
        var test = new LazyFixTest<LZM0003FactoryRegistrationFixer>(runtime: true, MovePreferred);
        test.TestState.Sources.Add(("Registration.cs", RegistrationTemplate.Replace("REGISTRATION", "services.AddSingleton({|LZM0003:new MLContext(seed: 1)|});")));
        test.TestState.Sources.Add(("Consumer.cs", """
            using Microsoft.ML;

            namespace App;

            internal sealed class Scorer
            {
                private readonly MLContext _ml;
                private readonly int _epochs;

                public Scorer(
                    // keep this
                    MLContext ml,
                    int epochs)
                {
                    _ml = ml;
                    _epochs = epochs;
                }

                public string Run() => _ml.Data + _epochs;
            }
            """));
        test.FixedState.Sources.Add(("Registration.cs", MovedRegistration));
        test.FixedState.Sources.Add(("Consumer.cs", """
            using Microsoft.ML;

            namespace App;

            internal sealed class Scorer
            {
                private readonly MLContext _ml;
                private readonly int _epochs;

                public Scorer(
                    // keep this
                    int epochs)
                {
                    _ml = LazyServices.MLContext;
                    _epochs = epochs;
                }

                public string Run() => _ml.Data + _epochs;
            }
            """));
        return test.RunAsync();
    }

    /// <summary>A comment above a removed last parameter stays, before the closing parenthesis.</summary>
    [Fact]
    public Task CommentAboveTheRemovedLastParameter_StaysBeforeTheParenthesis()
    {
        var test = new LazyFixTest<LZM0003FactoryRegistrationFixer>(runtime: true, MovePreferred);
        test.TestState.Sources.Add(("Registration.cs", RegistrationTemplate.Replace("REGISTRATION", "services.AddSingleton({|LZM0003:new MLContext(seed: 1)|});")));
        test.TestState.Sources.Add(("Consumer.cs", """
            using Microsoft.ML;

            namespace App;

            internal sealed class Scorer
            {
                private readonly MLContext _ml;
                private readonly int _epochs;

                public Scorer(
                    int epochs,
                    // keep this
                    MLContext ml)
                {
                    _ml = ml;
                    _epochs = epochs;
                }

                public string Run() => _ml.Data + _epochs;
            }
            """));
        test.FixedState.Sources.Add(("Registration.cs", MovedRegistration));
        test.FixedState.Sources.Add(("Consumer.cs", """
            using Microsoft.ML;

            namespace App;

            internal sealed class Scorer
            {
                private readonly MLContext _ml;
                private readonly int _epochs;

                public Scorer(
                    int epochs
                    // keep this
                    )
                {
                    _ml = LazyServices.MLContext;
                    _epochs = epochs;
                }

                public string Run() => _ml.Data + _epochs;
            }
            """));
        return test.RunAsync();
    }

    /// <summary>The primary constructor's only parameter goes, its comment stays: the emptied list is kept.</summary>
    [Fact]
    public Task CommentInAnEmptiedPrimaryConstructor_KeepsTheList()
    {
        var test = new LazyFixTest<LZM0003FactoryRegistrationFixer>(runtime: true, MovePreferred);
        test.TestState.Sources.Add(("Registration.cs", RegistrationTemplate.Replace("REGISTRATION", "services.AddSingleton({|LZM0003:new MLContext(seed: 1)|});")));
        test.TestState.Sources.Add(("Consumer.cs", """
            using Microsoft.ML;

            namespace App;

            internal sealed class Scorer(
                // keep this
                MLContext ml)
            {
                public string Run() => ml.Data;
            }
            """));
        test.FixedState.Sources.Add(("Registration.cs", MovedRegistration));
        test.FixedState.Sources.Add(("Consumer.cs", """
            using Microsoft.ML;

            namespace App;

            internal sealed class Scorer(
                // keep this
                )
            {
                public string Run() => LazyServices.MLContext.Data;
            }
            """));
        return test.RunAsync();
    }

    /// <summary>A user class whose name only starts with LazyServices is not an earlier move's class, holder or not.</summary>
    [Fact]
    public Task UserClassNamedLikeTheGeneratedOne_IsLeftAlone()
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
        var test = new LazyFixTest<LZM0003FactoryRegistrationFixer>(runtime: true, MovePreferred);
        test.TestState.Sources.Add(("Registration.cs", RegistrationTemplate.Replace("REGISTRATION", "services.AddSingleton({|LZM0003:new MLContext(seed: 1)|});")));
        test.TestState.Sources.Add(("Consumer.cs", Consumer));
        test.TestState.Sources.Add(("Config.cs", Config));
        test.FixedState.Sources.Add(("Registration.cs", MovedRegistration));
        test.FixedState.Sources.Add(("Consumer.cs", MovedConsumer));
        test.FixedState.Sources.Add(("Config.cs", Config));
        return test.RunAsync();
    }

    /// <summary>The cref that replaces a <c>&lt;paramref&gt;</c> is simplified like the other generated names.</summary>
    [Fact]
    public Task ParamRefInANamespace_CrefIsSimplified()
    {
        var test = new LazyFixTest<LZM0003FactoryRegistrationFixer>(runtime: true, MovePreferred);
        test.TestState.Sources.Add(("Registration.cs", RegistrationTemplate.Replace("REGISTRATION", "services.AddSingleton({|LZM0003:new MLContext(seed: 1)|});")));
        test.TestState.Sources.Add(("Consumer.cs", """
            using Microsoft.ML;

            namespace App;

            /// <summary>Normalizes with <paramref name="ml"/>.</summary>
            /// <param name="ml">The context.</param>
            internal sealed class FeatureHandler(MLContext ml)
            {
                public string Normalize() => ml.Data;
            }
            """));
        test.FixedState.Sources.Add(("Registration.cs", MovedRegistration));
        test.FixedState.Sources.Add(("Consumer.cs", """
            using Microsoft.ML;

            namespace App;

            /// <summary>Normalizes with <see cref="LazyServices.MLContext"/>.</summary>
            internal sealed class FeatureHandler
            {
                public string Normalize() => LazyServices.MLContext.Data;
            }
            """));
        return test.RunAsync();
    }

    /// <summary>With the move preferred, the IDE user can still pick the factory: its own key, applied by Fix All under that key too.</summary>
    [Fact]
    public Task MovePreferred_FactoryKey_StillRegistersAFactory()
    {
        var test = new LazyFixTest<LZM0003FactoryRegistrationFixer>(runtime: true, MovePreferred)
        {
            CodeActionEquivalenceKey = LZM0003FactoryRegistrationFixer.Key,
        };
        test.TestState.Sources.Add(("Registration.cs", RegistrationTemplate.Replace("REGISTRATION", "services.AddSingleton({|LZM0003:new MLContext(seed: 1)|});")));
        test.TestState.Sources.Add(("Consumer.cs", Consumer));
        test.FixedState.Sources.Add(("Registration.cs", RegistrationTemplate.Replace("REGISTRATION", "services.AddSingleton(sp => new MLContext(seed: 1));")));
        test.FixedState.Sources.Add(("Consumer.cs", Consumer));
        return test.RunAsync();
    }

    /// <summary>
    /// Without the option, the first fix (the IDE default, Fix All, dotnet format) is the factory
    /// registration even where the move applies: consumers keep their constructor parameters.
    /// </summary>
    [Theory]
    [InlineData(null)]
    [InlineData("lazymigrate.lzm0003.preferred_fix = factory_registration")]
    [InlineData("lazymigrate.lzm0003.preferred_fix = something_else")]
    public Task ByDefault_FirstFixAndFixAll_RegisterAFactory_ConsumersUntouched(string? analyzerConfig)
    {
        var test = new LazyFixTest<LZM0003FactoryRegistrationFixer>(runtime: true, analyzerConfig);
        test.TestState.Sources.Add(("Registration.cs", RegistrationTemplate.Replace("REGISTRATION", "services.AddSingleton({|LZM0003:new MLContext(seed: 1)|});")));
        test.TestState.Sources.Add(("Consumer.cs", Consumer));
        test.FixedState.Sources.Add(("Registration.cs", RegistrationTemplate.Replace("REGISTRATION", "services.AddSingleton(sp => new MLContext(seed: 1));")));
        test.FixedState.Sources.Add(("Consumer.cs", Consumer));
        return test.RunAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Ide_OffersBoth_TheOptionDecidesWhichComesFirst(bool movePreferred)
    {
        var references = TestReferences.Framework;
        using var workspace = new AdhocWorkspace();
        var project = workspace.CurrentSolution
            .AddProject("App", "App", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .AddMetadataReferences(references)
            .AddMetadataReferences(TestReferences.Heavy)
            .AddMetadataReference(TestReferences.Runtime);
        project = project.AddDocument("Registration.cs", RegistrationTemplate.Replace("REGISTRATION", "services.AddSingleton(new MLContext(seed: 1));"), filePath: "/app/Registration.cs").Project;
        project = project.AddDocument("Consumer.cs", Consumer, filePath: "/app/Consumer.cs").Project;
        if (movePreferred)
        {
            project = project.AddAnalyzerConfigDocument(".editorconfig", SourceText.From("root = true\n\n[*.cs]\n" + MovePreferred + "\n"), filePath: "/app/.editorconfig").Project;
        }

        var compilation = await project.GetCompilationAsync();
        var diagnostics = await compilation!.WithAnalyzers(AllAnalyzers.Create()).GetAnalyzerDiagnosticsAsync();
        var diagnostic = Assert.Single(diagnostics, d => d.Id == "LZM0003");
        var document = project.GetDocument(diagnostic.Location.SourceTree)!;

        var actions = new List<CodeAction>();
        await new LZM0003FactoryRegistrationFixer().RegisterCodeFixesAsync(
            new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));

        var move = ("Move the singleton to a lazy value", LZM0003FactoryRegistrationFixer.MoveKey);
        var factory = ("Register a factory (build on first resolve)", LZM0003FactoryRegistrationFixer.Key);
        Assert.Equal(
            movePreferred ? new[] { move, factory } : new[] { factory, move },
            actions.Select(a => (a.Title, a.EquivalenceKey ?? string.Empty)));

        // The move edits both files; the factory only the registration.
        var moveAction = actions.Single(a => a.EquivalenceKey == LZM0003FactoryRegistrationFixer.MoveKey);
        var factoryAction = actions.Single(a => a.EquivalenceKey == LZM0003FactoryRegistrationFixer.Key);
        Assert.Equal(new[] { "Consumer.cs", "Registration.cs" }, await ChangedDocumentsAsync(moveAction, project.Solution));
        Assert.Equal(new[] { "Registration.cs" }, await ChangedDocumentsAsync(factoryAction, project.Solution));
    }

    [Fact]
    public Task Refused_ConsumerInAnotherProject_FallsBackToFactory()
    {
        const string Other = """
            using Microsoft.ML;

            namespace Other;

            public sealed class Trainer(MLContext ml)
            {
                public string Data => ml.Data;
            }
            """;
        var test = new LazyFixTest<LZM0003FactoryRegistrationFixer>(runtime: true, MovePreferred);
        test.TestState.Sources.Add(("Registration.cs", RegistrationTemplate.Replace("REGISTRATION", "services.AddSingleton({|LZM0003:new MLContext(seed: 1)|});")));
        test.TestState.Sources.Add(("Consumer.cs", Consumer));
        test.TestState.AdditionalProjects["Other"].Sources.Add(("Trainer.cs", Other));
        test.FixedState.Sources.Add(("Registration.cs", RegistrationTemplate.Replace("REGISTRATION", "services.AddSingleton(sp => new MLContext(seed: 1));")));
        test.FixedState.Sources.Add(("Consumer.cs", Consumer));
        test.FixedState.AdditionalProjects["Other"].Sources.Add(("Trainer.cs", Other));
        return test.RunAsync();
    }

    private static async Task<string[]> ChangedDocumentsAsync(CodeAction action, Solution before)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var after = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return after.GetChanges(before).GetProjectChanges()
            .SelectMany(p => p.GetChangedDocuments())
            .Select(id => after.GetDocument(id)!.Name)
            .OrderBy(n => n, System.StringComparer.Ordinal)
            .ToArray();
    }

    [Fact]
    public Task TopLevelLambdaRegistration_ConsumerInTheSameFile_ParamRefPointsToTheLazyValue()
    {
        var test = new LazyFixTest<LZM0003FactoryRegistrationFixer>(runtime: true, MovePreferred) { CompilerDiagnostics = CompilerDiagnostics.Warnings };
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
    public Task Refused_ParameterNameUsedInNameof_FallsBackToFactory() => FallsBackToFactoryAsync(
        "services.AddSingleton({|LZM0003:new MLContext(seed: 1)|});",
        "services.AddSingleton(sp => new MLContext(seed: 1));",
        """
        using Microsoft.ML;

        namespace App;

        internal sealed class Named(MLContext context)
        {
            public string Describe() => nameof(context) + context.Data;
        }
        """);

    [Fact]
    public Task LastStatementsOfTheFile_CommentsStayBeforeTheGeneratedClass()
    {
        var test = new LazyFixTest<LZM0003FactoryRegistrationFixer>(runtime: true, MovePreferred) { CompilerDiagnostics = CompilerDiagnostics.Warnings };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.TestState.Sources.Add(("Program.cs", """
            using Azure.Storage.Blobs;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.ML;

            IServiceCollection services = App.Settings.Services;
            services.AddSingleton({|LZM0003:new MLContext()|}); /* the context */
            // The blob client.
            services.AddSingleton({|LZM0003:new BlobServiceClient(App.Settings.Connection)|});

            """));
        test.TestState.Sources.Add(("Settings.cs", Settings));
        test.FixedState.OutputKind = OutputKind.ConsoleApplication;
        test.FixedState.Sources.Add(("Program.cs", """
            using System.Runtime.CompilerServices;
            using Azure.Storage.Blobs;
            using LazyMigrate;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.ML;

            IServiceCollection services = App.Settings.Services;
            /* the context */
            // The blob client.

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

                internal static BlobServiceClient BlobServiceClient => BlobServiceClientHolder.Value ?? s_blobServiceClient.Get<BlobServiceClient>();

                private static readonly LazyValue s_blobServiceClient = new LazyValue("Azure SDK", CreateBlobServiceClient);

                [LazyValueHolder]
                private static class BlobServiceClientHolder
                {
                    // Initialized on the first read of BlobServiceClient; from then on the JIT reads it as a constant.
                    public static readonly BlobServiceClient? Value = s_blobServiceClient.GetOrDefault<BlobServiceClient>();
                }

                [MethodImpl(MethodImplOptions.NoInlining)]
                private static object CreateBlobServiceClient() => new BlobServiceClient(App.Settings.Connection);
            }

            """));
        test.FixedState.Sources.Add(("Settings.cs", Settings));
        return test.RunAsync();
    }

    [Fact]
    public Task Refused_TypeofTheServiceType_FallsBackToFactory() => FallsBackToFactoryAsync(
        "services.AddSingleton({|LZM0003:new MLContext(seed: 1)|});",
        "services.AddSingleton(sp => new MLContext(seed: 1));",
        """
        using Microsoft.ML;

        namespace App;

        internal static class Reflection
        {
            public static object? Get(System.IServiceProvider provider) => provider.GetService(typeof(MLContext));
        }
        """);

    [Fact]
    public Task Refused_ConstructorTakesAllRegistrations_FallsBackToFactory() => FallsBackToFactoryAsync(
        "services.AddSingleton({|LZM0003:new MLContext(seed: 1)|});",
        "services.AddSingleton(sp => new MLContext(seed: 1));",
        """
        using System.Collections.Generic;
        using Microsoft.ML;

        namespace App;

        internal sealed class Pool(IEnumerable<MLContext> contexts)
        {
            public int Count => System.Linq.Enumerable.Count(contexts);
        }
        """);

    private const string FeaturePipeline = """
        using Microsoft.ML;

        namespace App;

        /// <summary>A helper that takes the context from its caller, not from the container.</summary>
        internal static class FeaturePipeline
        {
            public static int Fit(MLContext ml) => ml.Data.Length;
        }
        """;

    [Fact]
    public Task OrdinaryMethodParameter_HelperCalledFromAConsumer_MovesAndKeepsTheParameter() => MovesWithFeaturePipelineAsync();

    /// <summary>The sample shape with a helper taking the service from its caller; <paramref name="extra"/> joins both states unchanged.</summary>
    private static Task MovesWithFeaturePipelineAsync(params (string Name, string Source)[] extra)
    {
        var test = new LazyFixTest<LZM0003FactoryRegistrationFixer>(runtime: true, MovePreferred) { CompilerDiagnostics = CompilerDiagnostics.Warnings };
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
    public Task ObjectCreationElsewhere_BuildsItsOwnInstance_StillMoves() => MovesWithFeaturePipelineAsync(("Models.cs", Models));

    private const string Models = """
        using Microsoft.ML;

        namespace App;

        internal static class Models
        {
            public static int Offline() => FeaturePipeline.Fit(new MLContext(seed: 2));

            public static int Qualified() => FeaturePipeline.Fit(new global::Microsoft.ML.MLContext(seed: 3));
        }
        """;

    /// <summary>
    /// Called once, but also handed over as a method group (a minimal API handler): whoever invokes
    /// the delegate may take its parameters from the container. The delegate type does not name the
    /// service (a <c>Func&lt;MLContext, int&gt;</c> local would refuse on its own, as a type argument).
    /// </summary>
    [Fact]
    public Task Refused_MethodUsedAsAMethodGroup_FallsBackToFactory() => FallsBackToFactoryAsync(
        "services.AddSingleton({|LZM0003:new MLContext(seed: 1)|});",
        "services.AddSingleton(sp => new MLContext(seed: 1));",
        """
        using Microsoft.ML;

        namespace App;

        internal static class Helper
        {
            public static int Fit(MLContext ml) => ml.Data.Length;
        }

        internal static class Endpoints
        {
            public static void Map(System.Delegate handler) { }

            public static int Call() => Helper.Fit(null!);

            public static void MapAll() => Map(Helper.Fit);
        }
        """);

    [Fact]
    public Task Refused_MethodParameterWithAnAttribute_FallsBackToFactory() => FallsBackToFactoryAsync(
        "services.AddSingleton({|LZM0003:new MLContext(seed: 1)|});",
        "services.AddSingleton(sp => new MLContext(seed: 1));",
        """
        using Microsoft.ML;

        namespace App;

        [System.AttributeUsage(System.AttributeTargets.Parameter)]
        internal sealed class FromServicesAttribute : System.Attribute
        {
        }

        internal static class Helper
        {
            public static int Fit([FromServices] MLContext ml) => ml.Data.Length;

            public static int Call() => Fit(null!);
        }
        """);

    [Fact]
    public Task Refused_MethodOfATypeDerivingFromControllerBase_FallsBackToFactory() => FallsBackToFactoryAsync(
        "services.AddSingleton({|LZM0003:new MLContext(seed: 1)|});",
        "services.AddSingleton(sp => new MLContext(seed: 1));",
        """
        using Microsoft.ML;

        namespace App;

        internal abstract class ControllerBase
        {
        }

        internal abstract class AppController : ControllerBase
        {
        }

        internal sealed class ValuesController : AppController
        {
            public int Get(MLContext ml) => ml.Data.Length;
        }

        internal static class Calls
        {
            public static int Call() => new ValuesController().Get(null!);
        }
        """);

    /// <summary>A method no source calls is called by something else (convention-based middleware's <c>InvokeAsync</c>), which may resolve its parameters.</summary>
    [Fact]
    public Task Refused_MethodNeverCalledInSource_FallsBackToFactory() => FallsBackToFactoryAsync(
        "services.AddSingleton({|LZM0003:new MLContext(seed: 1)|});",
        "services.AddSingleton(sp => new MLContext(seed: 1));",
        """
        using System.Threading.Tasks;
        using Microsoft.ML;

        namespace App;

        internal sealed class ScoringMiddleware
        {
            public Task InvokeAsync(MLContext ml) => Task.FromResult(ml.Data);
        }
        """);
}
