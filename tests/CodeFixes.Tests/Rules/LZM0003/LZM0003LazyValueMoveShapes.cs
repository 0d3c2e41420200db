using System.Threading.Tasks;
using LazyMigrate.CodeFixes.Rules;
using LazyMigrate.CodeFixes.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;

namespace LazyMigrate.CodeFixes.Tests.Rules;

/// <summary>
/// The shared shape of the LZM0003 move tests: a registration in a method (<see cref="RegistrationTemplate"/>),
/// a class taking the service through its constructor (<see cref="Consumer"/>), what both become after the
/// move, and the runners for the refusals, where the factory fix is applied instead.
/// </summary>
internal static class LZM0003LazyValueMoveShapes
{
    /// <summary>The .editorconfig (here: global config) line that makes the move the first LZM0003 fix.</summary>
    internal const string MovePreferred = "lazymigrate.lzm0003.preferred_fix = lazy_value_move";

    internal const string Settings = """
        using Microsoft.Extensions.DependencyInjection;

        namespace App;

        internal static class Settings
        {
            public const string Connection = "UseDevelopmentStorage=true";
            public static IServiceCollection Services { get; } = null!;
        }
        """;

    internal const string Consumer = """
        using Microsoft.ML;

        namespace App;

        internal sealed class FeatureHandler(MLContext ml)
        {
            public MLContext Context => ml;

            public string Normalize() => ml.Data;
        }
        """;

    /// <summary>
    /// The shared shape (a registration in a method, <see cref="Consumer"/> taking the service) plus
    /// <paramref name="extra"/>, which makes the move not apply: the factory fix is applied instead.
    /// </summary>
    internal static Task FallsBackToFactoryAsync(string registration, string fixedRegistration, string? extra, bool runtime = true)
        => FallsBackToFactoryAsync(registration, fixedRegistration, runtime, extra is null ? [] : [("Extra.cs", extra)]);

    /// <summary>As above, with several extra files.</summary>
    internal static Task FallsBackToFactoryWithFilesAsync(string registration, string fixedRegistration, params (string Name, string Source)[] extras)
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

    /// <summary>The flagged registration of the shared shape.</summary>
    internal const string FlaggedRegistration = "services.AddSingleton({|LZM0003:new MLContext(seed: 1)|});";

    /// <summary><see cref="FlaggedRegistration"/> after the factory fix.</summary>
    internal const string FactoryRegistration = "services.AddSingleton(sp => new MLContext(seed: 1));";

    /// <summary>A fix test of the move, preferred by configuration; <paramref name="checkWarnings"/> also fails on any compiler warning in the result.</summary>
    internal static LazyFixTest<LZM0003FactoryRegistrationFixer> MoveTest(bool checkWarnings = false)
    {
        var test = new LazyFixTest<LZM0003FactoryRegistrationFixer>(runtime: true, MovePreferred);
        if (checkWarnings)
        {
            test.CompilerDiagnostics = CompilerDiagnostics.Warnings;
        }

        return test;
    }

    /// <summary><see cref="RegistrationTemplate"/> with <paramref name="statement"/> in the method.</summary>
    internal static string Registration(string statement) => RegistrationTemplate.Replace("REGISTRATION", statement);

    internal const string RegistrationTemplate = """
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
    internal const string MovedRegistration = """
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
    internal const string MovedConsumer = """
        using Microsoft.ML;

        namespace App;

        internal sealed class FeatureHandler
        {
            public MLContext Context => LazyServices.MLContext;

            public string Normalize() => LazyServices.MLContext.Data;
        }
        """;

    internal const string FeaturePipeline = """
        using Microsoft.ML;

        namespace App;

        /// <summary>A helper that takes the context from its caller, not from the container.</summary>
        internal static class FeaturePipeline
        {
            public static int Fit(MLContext ml) => ml.Data.Length;
        }
        """;
}
