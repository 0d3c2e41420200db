using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using static LazyMigrate.CodeFixes.Tests.Rules.LZM0003LazyValueMoveShapes;

namespace LazyMigrate.CodeFixes.Tests.Rules;

/// <summary>The LZM0003 move keeps comments and documentation: around removed parameters, in <c>&lt;paramref&gt;</c>, at the end of the file.</summary>
public class LZM0003LazyValueMoveTriviaTests
{
    /// <summary>A comment above a removed constructor parameter stays, above the next one.</summary>
    [Fact]
    public Task Comment_above_the_removed_parameter_stays()
    {
        var test = MoveTest();
        test.TestState.Sources.Add(("Registration.cs", Registration(FlaggedRegistration)));
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
    public Task Comment_above_the_removed_last_parameter_stays_before_the_parenthesis()
    {
        var test = MoveTest();
        test.TestState.Sources.Add(("Registration.cs", Registration(FlaggedRegistration)));
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
    public Task Comment_in_an_emptied_primary_constructor_keeps_the_list()
    {
        var test = MoveTest();
        test.TestState.Sources.Add(("Registration.cs", Registration(FlaggedRegistration)));
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

    /// <summary>The cref that replaces a <c>&lt;paramref&gt;</c> is simplified like the other generated names.</summary>
    [Fact]
    public Task Paramref_in_a_namespace_cref_is_simplified()
    {
        var test = MoveTest();
        test.TestState.Sources.Add(("Registration.cs", Registration(FlaggedRegistration)));
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

    [Fact]
    public Task Last_statements_of_the_file_comments_stay_before_the_generated_class()
    {
        var test = MoveTest(checkWarnings: true);
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
}
