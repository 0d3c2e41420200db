using System.Linq;
using Microsoft.CodeAnalysis;

namespace LazyMigrate.Generator.Tests;

/// <summary>Shared checks: one generator diagnostic, at the property name, and nothing generated.</summary>
internal static class GeneratorDiagnostics
{
    public static Diagnostic Single(GeneratorRun run, string id)
    {
        Assert.Empty(run.Sources);
        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(GeneratorHarness.SourcePath, diagnostic.Location.GetLineSpan().Path);
        return diagnostic;
    }

    public static void None(GeneratorRun run) => Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id.StartsWith("LZM1", System.StringComparison.Ordinal));
}

public sealed class LZM1001Tests
{
    [Fact]
    public void Reports_a_property_that_is_not_partial()
    {
        var run = GeneratorHarness.Run("""
            using LazyMigrate;
            using Microsoft.ML.OnnxRuntime;
            public static partial class Models
            {
                [LazyValue]
                public static SessionOptions Options => new SessionOptions();
                private static SessionOptions CreateOptions() => new SessionOptions();
            }
            """);
        var diagnostic = GeneratorDiagnostics.Single(run, "LZM1001");
        Assert.Equal("[LazyValue] property 'Options' cannot be generated: it is not declared 'partial' (write 'static partial', C# 13 or later)", diagnostic.GetMessage());
        Assert.Equal(5, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void Reports_a_containing_type_that_is_not_partial()
    {
        var run = GeneratorHarness.Run("""
            using LazyMigrate;
            using Microsoft.ML.OnnxRuntime;
            public static class Outer
            {
                public static partial class Models
                {
                    [LazyValue]
                    public static partial SessionOptions Options { get; }
                    private static SessionOptions CreateOptions() => new SessionOptions();
                }
            }
            """);
        Assert.Equal("[LazyValue] property 'Options' cannot be generated: its containing type 'Outer' is not declared 'partial'",
            GeneratorDiagnostics.Single(run, "LZM1001").GetMessage());
    }

    [Fact]
    public void Reports_an_instance_property_of_a_struct()
    {
        var run = GeneratorHarness.Run("""
            using LazyMigrate;
            using Microsoft.ML.OnnxRuntime;
            public partial struct Models
            {
                [LazyValue]
                public partial SessionOptions Options { get; }
                private SessionOptions CreateOptions() => new SessionOptions();
            }
            """);
        Assert.Contains("an instance property must be declared in a class", GeneratorDiagnostics.Single(run, "LZM1001").GetMessage());
    }

    [Fact]
    public void DoesNotReport_a_static_partial_get_only_property_in_partial_types()
    {
        var run = GeneratorHarness.Run("""
            using LazyMigrate;
            using Microsoft.ML.OnnxRuntime;
            public static partial class Outer
            {
                public static partial class Models
                {
                    [LazyValue]
                    public static partial SessionOptions Options { get; }
                    private static SessionOptions CreateOptions() => new SessionOptions();
                }
            }
            """).AssertClean();
        GeneratorDiagnostics.None(run);
        Assert.Single(run.Sources);
    }
}

public sealed class LZM1002Tests
{
    [Fact]
    public void Reports_a_missing_default_factory()
    {
        var run = GeneratorHarness.Run("""
            using LazyMigrate;
            using Microsoft.ML.OnnxRuntime;
            public static partial class Models
            {
                [LazyValue]
                public static partial SessionOptions Options { get; }
                private static SessionOptions MakeOptions() => new SessionOptions();
            }
            """);
        Assert.Equal("[LazyValue] property 'Options' has no factory: declare a method 'CreateOptions' in 'Models' that builds the value (static Microsoft.ML.OnnxRuntime.SessionOptions CreateOptions())",
            GeneratorDiagnostics.Single(run, "LZM1002").GetMessage());
    }

    [Fact]
    public void Reports_a_missing_named_factory()
    {
        var run = GeneratorHarness.Run("""
            using LazyMigrate;
            using Microsoft.ML.OnnxRuntime;
            public static partial class Models
            {
                [LazyValue(Factory = "Build")]
                public static partial SessionOptions Options { get; }
                private static SessionOptions CreateOptions() => new SessionOptions();
            }
            """);
        Assert.Contains("declare a method 'Build'", GeneratorDiagnostics.Single(run, "LZM1002").GetMessage());
    }

    [Fact]
    public void DoesNotReport_a_factory_named_with_nameof()
    {
        var run = GeneratorHarness.Run("""
            using LazyMigrate;
            using Microsoft.ML.OnnxRuntime;
            public static partial class Models
            {
                [LazyValue(Factory = nameof(MakeOptions))]
                public static partial SessionOptions Options { get; }
                private static SessionOptions MakeOptions() => new SessionOptions();
            }
            """).AssertClean();
        GeneratorDiagnostics.None(run);
        Assert.Contains("=> MakeOptions()!;", run.Source);
    }
}

public sealed class LZM1003Tests
{
    [Theory]
    [InlineData("private SessionOptions CreateOptions() => new SessionOptions();", "must be static, like the property")]
    [InlineData("private static SessionOptions CreateOptions(int size) => new SessionOptions();", "must take no parameters")]
    [InlineData("private static T CreateOptions<T>() where T : new() => new T();", "must not be generic")]
    [InlineData("private static string CreateOptions() => \"options\";", "returns 'string'; it must return 'Microsoft.ML.OnnxRuntime.SessionOptions', a type converted to it by reference, or object")]
    public void Reports_a_factory_of_the_wrong_shape(string factory, string problem)
    {
        // A static class cannot declare the instance method of the first case.
        var modifiers = factory.StartsWith("private static", System.StringComparison.Ordinal) ? "public static partial" : "public partial";
        var run = GeneratorHarness.Run($$"""
            using LazyMigrate;
            using Microsoft.ML.OnnxRuntime;
            {{modifiers}} class Models
            {
                [LazyValue]
                public static partial SessionOptions Options { get; }
                {{factory}}
            }
            """);
        Assert.Equal($"Factory 'CreateOptions' of [LazyValue] property 'Options' {problem}", GeneratorDiagnostics.Single(run, "LZM1003").GetMessage());
    }

    [Fact]
    public void Reports_an_async_factory_that_returns_the_value_instead_of_a_task()
    {
        var run = GeneratorHarness.Run("""
            using System.Threading.Tasks;
            using LazyMigrate;
            using Microsoft.ML.OnnxRuntime;
            public static partial class Models
            {
                [LazyValue]
                public static partial Task<SessionOptions> Options { get; }
                private static SessionOptions CreateOptions() => new SessionOptions();
            }
            """);
        Assert.Contains("it must return 'Task<Microsoft.ML.OnnxRuntime.SessionOptions>'", GeneratorDiagnostics.Single(run, "LZM1003").GetMessage());
    }

    [Fact]
    public void DoesNotReport_a_factory_returning_object_or_a_derived_type()
    {
        var run = GeneratorHarness.Run("""
            using LazyMigrate;
            using Microsoft.ML.OnnxRuntime;
            public static partial class Models
            {
                [LazyValue]
                public static partial SessionOptions Options { get; }
                private static object CreateOptions() => new SessionOptions();

                [LazyValue("Microsoft.ML.OnnxRuntime")]
                public static partial object Boxed { get; }
                private static SessionOptions CreateBoxed() => new SessionOptions();
            }
            """).AssertClean();
        GeneratorDiagnostics.None(run);
        Assert.Equal(2, run.Sources.Count);
    }
}

public sealed class LZM1004Tests
{
    [Fact]
    public void Reports_an_unnamed_package_for_a_type_the_catalog_does_not_know()
    {
        var run = GeneratorHarness.Run("""
            using LazyMigrate;
            public static partial class Settings
            {
                [LazyValue]
                public static partial System.Uri Endpoint { get; }
                private static System.Uri CreateEndpoint() => new System.Uri("http://127.0.0.1/");
            }
            """);
        Assert.Equal("[LazyValue] property 'Endpoint' names no package and the heavy-package catalog has no package for 'System.Uri' (assembly 'System.Runtime'): name it, as in [LazyValue(\"PackageName\")]",
            GeneratorDiagnostics.Single(run, "LZM1004").GetMessage());
    }

    [Fact]
    public void Reports_an_empty_package_name()
    {
        var run = GeneratorHarness.Run("""
            using LazyMigrate;
            using Microsoft.ML.OnnxRuntime;
            public static partial class Models
            {
                [LazyValue(" ")]
                public static partial SessionOptions Options { get; }
                private static SessionOptions CreateOptions() => new SessionOptions();
            }
            """);
        Assert.Contains("the package name given is empty", GeneratorDiagnostics.Single(run, "LZM1004").GetMessage());
    }

    [Fact]
    public void DoesNotReport_a_named_package_for_a_type_the_catalog_does_not_know()
    {
        var run = GeneratorHarness.Run("""
            using LazyMigrate;
            public static partial class Settings
            {
                [LazyValue("Contoso.Settings")]
                public static partial System.Uri Endpoint { get; }
                private static System.Uri CreateEndpoint() => new System.Uri("http://127.0.0.1/");
            }
            """).AssertClean();
        GeneratorDiagnostics.None(run);
        Assert.Contains("new global::LazyMigrate.LazyValue(\"Contoso.Settings\"", run.Source);
    }

    [Fact]
    public void DoesNotReport_a_collection_of_a_catalog_type()
    {
        var run = GeneratorHarness.Run("""
            using System.Collections.Generic;
            using LazyMigrate;
            using Microsoft.ML.OnnxRuntime;
            public static partial class Models
            {
                [LazyValue]
                public static partial List<SessionOptions> All { get; }
                private static List<SessionOptions> CreateAll() => new() { new SessionOptions() };
            }
            """).AssertClean();
        GeneratorDiagnostics.None(run);
        Assert.Contains("(\"Microsoft.ML.OnnxRuntime\"", run.Source);
    }
}
