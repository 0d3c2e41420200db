using System.Collections.Generic;
using System.Threading.Tasks;
using static LazyMigrate.CodeFixes.Tests.Rules.LZM0003LazyValueMoveShapes;

namespace LazyMigrate.CodeFixes.Tests.Rules;

/// <summary>
/// Where the LZM0003 move does not apply (something may resolve the service from a container, or
/// the rewrite could not own every use): the factory registration is applied instead, consumers untouched.
/// </summary>
public class LZM0003LazyValueMoveRefusalTests
{
    [Fact]
    public Task Refused_service_resolved_from_the_container_falls_back_to_factory() => FallsBackToFactoryAsync(
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
    public Task Refused_consumer_built_explicitly_falls_back_to_factory() => FallsBackToFactoryAsync(
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
    public Task Refused_lambda_parameter_of_the_service_type_falls_back_to_factory() => FallsBackToFactoryAsync(
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
    public Task Refused_instance_reads_a_local_falls_back_to_factory() => FallsBackToFactoryAsync(
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
    public Task Refused_TryAddSingleton_falls_back_to_factory() => FallsBackToFactoryAsync(
        "services.TryAddSingleton({|LZM0003:new MLContext(seed: 1)|});",
        "services.TryAddSingleton(sp => new MLContext(seed: 1));",
        null);

    [Fact]
    public Task Refused_keyed_falls_back_to_factory() => FallsBackToFactoryAsync(
        "services.AddKeyedSingleton(\"ml\", {|LZM0003:new MLContext(seed: 1)|});",
        "services.AddKeyedSingleton(\"ml\", (sp, key) => new MLContext(seed: 1));",
        null);

    [Fact]
    public Task Refused_no_runtime_falls_back_to_factory() => FallsBackToFactoryAsync(
        "services.AddSingleton({|LZM0003:new MLContext(seed: 1)|});",
        "services.AddSingleton(sp => new MLContext(seed: 1));",
        null,
        runtime: false);

    [Fact]
    public Task Refused_consumer_is_a_record_falls_back_to_factory() => FallsBackToFactoryAsync(
        "services.AddSingleton({|LZM0003:new MLContext(seed: 1)|});",
        "services.AddSingleton(sp => new MLContext(seed: 1));",
        """
        using Microsoft.ML;

        namespace App;

        internal sealed record Scorer(MLContext Ml);
        """);

    [Fact]
    public Task Refused_second_registration_of_the_service_type_falls_back_to_factory() => FallsBackToFactoryAsync(
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
    public Task Refused_property_with_an_attribute_falls_back_to_factory() => FallsBackToFactoryAsync(
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
    public Task Refused_field_with_an_attribute_falls_back_to_factory() => FallsBackToFactoryAsync(
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
    public Task Refused_property_of_a_component_falls_back_to_factory() => FallsBackToFactoryAsync(
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
    public Task Refused_conditional_registration_falls_back_to_factory() => FallsBackToFactoryAsync(
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
    public Task Refused_service_type_as_a_type_argument_of_a_created_type_falls_back_to_factory() => FallsBackToFactoryAsync(
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
    public Task Refused_partial_consumer_class_falls_back_to_factory() => FallsBackToFactoryWithFilesAsync(
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

    [Fact]
    public Task Refused_consumer_in_another_project_falls_back_to_factory()
    {
        const string Other = """
            using Microsoft.ML;

            namespace Other;

            public sealed class Trainer(MLContext ml)
            {
                public string Data => ml.Data;
            }
            """;
        var test = MoveTest();
        test.TestState.Sources.Add(("Registration.cs", Registration(FlaggedRegistration)));
        test.TestState.Sources.Add(("Consumer.cs", Consumer));
        test.TestState.AdditionalProjects["Other"].Sources.Add(("Trainer.cs", Other));
        test.FixedState.Sources.Add(("Registration.cs", Registration(FactoryRegistration)));
        test.FixedState.Sources.Add(("Consumer.cs", Consumer));
        test.FixedState.AdditionalProjects["Other"].Sources.Add(("Trainer.cs", Other));
        return test.RunAsync();
    }

    [Fact]
    public Task Refused_parameter_name_used_in_nameof_falls_back_to_factory() => FallsBackToFactoryAsync(
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
    public Task Refused_typeof_the_service_type_falls_back_to_factory() => FallsBackToFactoryAsync(
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
    public Task Refused_constructor_takes_all_registrations_falls_back_to_factory() => FallsBackToFactoryAsync(
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

    /// <summary>
    /// Called once, but also handed over as a method group (a minimal API handler): whoever invokes
    /// the delegate may take its parameters from the container. The delegate type does not name the
    /// service (a <c>Func&lt;MLContext, int&gt;</c> local would refuse on its own, as a type argument).
    /// </summary>
    [Fact]
    public Task Refused_method_used_as_a_method_group_falls_back_to_factory() => FallsBackToFactoryAsync(
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
    public Task Refused_method_parameter_with_an_attribute_falls_back_to_factory() => FallsBackToFactoryAsync(
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
    public Task Refused_method_of_a_type_deriving_from_ControllerBase_falls_back_to_factory() => FallsBackToFactoryAsync(
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
    public Task Refused_method_never_called_in_source_falls_back_to_factory() => FallsBackToFactoryAsync(
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
