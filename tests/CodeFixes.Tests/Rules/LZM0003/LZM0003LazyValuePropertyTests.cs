using System.Threading.Tasks;
using LazyMigrate.CodeFixes.Rules;
using LazyMigrate.CodeFixes.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using static LazyMigrate.CodeFixes.Tests.Rules.LZM0003LazyValueMoveShapes;

namespace LazyMigrate.CodeFixes.Tests.Rules;

/// <summary>
/// LZM0003's move to a lazy value with C# 13 or later, the runtime and the [LazyValue] generator: the
/// singleton becomes a partial property of a <c>static partial class LazyServices</c>. Fixed code is
/// compiled with the generator, warnings compared.
/// </summary>
public class LZM0003LazyValuePropertyTests
{
    private const string Program = """
        using App;
                using Microsoft.Extensions.DependencyInjection;
        using Microsoft.ML;

        IServiceCollection services = Settings.Services;

        // Clients shared by the whole app, built once at registration.
        services.AddSingleton({|LZM0003:new MLContext(seed: 1)|});

        services.AddTransient<FeatureHandler>();
        System.Console.WriteLine(services.Count);
        """;

    private const string Handlers = """
                using Microsoft.ML;

        namespace App;

        /// <summary>Normalizes features.</summary>
        /// <param name="ml">The shared ML context.</param>
        internal sealed class FeatureHandler(MLContext ml)
        {
            public string Normalize() => ml.Data;
        }

        """;

    private const string FixedHandlers = """
                using Microsoft.ML;

        namespace App;

        /// <summary>Normalizes features.</summary>
        internal sealed class FeatureHandler
        {
            public string Normalize() => LazyServices.MLContext.Data;
        }

        """;

    [Fact]
    public Task Registration_becomes_partial_property_of_a_partial_LazyServices_class() => RunAsync(
        LanguageVersion.Latest,
        """
        using App;
        using LazyMigrate;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.ML;

        IServiceCollection services = Settings.Services;

        // Clients shared by the whole app, built once at registration.

        services.AddTransient<FeatureHandler>();
        System.Console.WriteLine(services.Count);

        // Singletons moved out of the service container (LZM0003): a registration names its type, which
        // loads the type's assembly at startup; these are built on first use instead.
        internal static partial class LazyServices
        {
            [LazyValue("Microsoft.ML")]
            internal static partial MLContext MLContext { get; }

            private static MLContext CreateMLContext() => new MLContext(seed: 1);
        }
        """);

    [Fact]
    public Task CSharp_12_keeps_the_expanded_shape() => RunAsync(
        LanguageVersion.CSharp12,
        """
        using System.Runtime.CompilerServices;
        using App;
        using LazyMigrate;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.ML;

        IServiceCollection services = Settings.Services;

        // Clients shared by the whole app, built once at registration.

        services.AddTransient<FeatureHandler>();
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
        }
        """);

    /// <summary>The move (opted in) with the runtime and the generator, the whole solution fixed; warnings compared (none expected).</summary>
    private static Task RunAsync(LanguageVersion languageVersion, string fixedProgram)
    {
        var test = new LazyFixTest<LZM0003FactoryRegistrationFixer>(runtime: true, MovePreferred, generator: true)
        {
            LanguageVersion = languageVersion,
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.TestState.Sources.Add(("Program.cs", Program));
        test.TestState.Sources.Add(("Handlers.cs", Handlers));
        test.TestState.Sources.Add(("Settings.cs", Settings));
        test.FixedState.OutputKind = OutputKind.ConsoleApplication;
        test.FixedState.Sources.Add(("Program.cs", fixedProgram));
        test.FixedState.Sources.Add(("Handlers.cs", FixedHandlers));
        test.FixedState.Sources.Add(("Settings.cs", Settings));
        return test.RunAsync();
    }
}
