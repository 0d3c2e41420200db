using System.Threading.Tasks;
using LazyMigrate.CodeFixes.Rules;
using LazyMigrate.CodeFixes.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace LazyMigrate.CodeFixes.Tests.Rules;

/// <summary>
/// LZM0008 with C# 13 or later, the runtime and the [LazyValue] generator: the instance fields become
/// partial properties with instance (constructor fields) or static (initializers) factories, which the
/// generator implements; fixed code is compiled with the generator, warnings compared.
/// </summary>
public class LZM0008LazyValuePropertyTests
{
    private const string Program = """

        internal static class Program
        {
            public static void Main()
            {
                var assistant = new Assistant();
                Microsoft.AspNetCore.Builder.WebApplication.Create().Run();
                System.Console.WriteLine(assistant.Ask("?"));
            }
        }
        """;

    [Fact]
    public Task Constructor_field_becomes_partial_property_with_instance_factory() => FixAsync(
        """
        using Microsoft.ML.OnnxRuntime;

        namespace App;

        internal sealed class Assistant
        {
            // The model answering questions.
            private readonly InferenceSession _session;
            private readonly string _name;

            public Assistant()
            {
                _name = "assistant";
                _session = {|LZM0008:new InferenceSession("model.onnx")|}; // built once
                // Warm the model up.
                _session.Run("warm-up");
            }

            public string Ask(string question) => _name + _session.Run(question);
        }
        """ + Program,
        """
        using LazyMigrate;
        using Microsoft.ML.OnnxRuntime;

        namespace App;

        internal sealed partial class Assistant
        {
            // The model answering questions.
            [LazyValue("Microsoft.ML.OnnxRuntime", Factory = nameof(CreateSession))]
            private partial InferenceSession _session { get; }

            private InferenceSession CreateSession()
            {
                InferenceSession session = new InferenceSession("model.onnx");
                session.Run("warm-up");
                return session;
            }

            private readonly string _name;

            public Assistant()
            {
                _name = "assistant";
                // built once
                // Warm the model up.
            }

            public string Ask(string question) => _name + _session.Run(question);
        }
        """ + Program);

    [Fact]
    public Task Field_initializer_becomes_partial_property_with_static_factory() => FixAsync(
        """
        using Microsoft.ML;

        namespace App;

        internal sealed class Assistant
        {
            private readonly MLContext Context = {|LZM0008:new MLContext()|};

            public string Ask(string question) => question + Context.Data;
        }
        """ + Program,
        """
        using LazyMigrate;
        using Microsoft.ML;

        namespace App;

        internal sealed partial class Assistant
        {
            [LazyValue("Microsoft.ML")]
            private partial MLContext Context { get; }

            private static MLContext CreateContext() => new MLContext();

            public string Ask(string question) => question + Context.Data;
        }
        """ + Program);

    [Fact]
    public Task Disposed_field_keeps_the_expanded_shape() => FixAsync(
        """
        using System;
        using Microsoft.ML.OnnxRuntime;

        namespace App;

        internal sealed class Assistant : IDisposable
        {
            private readonly InferenceSession _session;

            public Assistant()
            {
                _session = {|LZM0008:new InferenceSession("model.onnx")|};
            }

            public string Ask(string question) => _session.Run(question);

            public void Dispose() => _session.Dispose();
        }
        """ + Program,
        """
        using System;
        using System.Runtime.CompilerServices;
        using LazyMigrate;
        using Microsoft.ML.OnnxRuntime;

        namespace App;

        internal sealed class Assistant : IDisposable
        {
            private InferenceSession _session => _lazySession.Get<InferenceSession>();

            private readonly LazyValue _lazySession;

            [MethodImpl(MethodImplOptions.NoInlining)]
            private object CreateSession() => new InferenceSession("model.onnx");

            public Assistant()
            {
                _lazySession = new LazyValue("Microsoft.ML.OnnxRuntime", CreateSession);
            }

            public string Ask(string question) => _session.Run(question);

            public void Dispose()
            {
                if (_lazySession.IsValueCreated)
                {
                    _session.Dispose();
                }
            }
        }
        """ + Program);

    [Fact]
    public Task CSharp_12_keeps_the_expanded_shape() => FixAsync(
        """
        using Microsoft.ML;

        namespace App;

        internal sealed class Assistant
        {
            private readonly MLContext Context = {|LZM0008:new MLContext()|};

            public string Ask(string question) => question + Context.Data;
        }
        """ + Program,
        """
        using System.Runtime.CompilerServices;
        using LazyMigrate;
        using Microsoft.ML;

        namespace App;

        internal sealed class Assistant
        {
            private MLContext Context => _lazyContext.Get<MLContext>();

            private readonly LazyValue _lazyContext = new LazyValue("Microsoft.ML", CreateContext);

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateContext() => new MLContext();

            public string Ask(string question) => question + Context.Data;
        }
        """ + Program,
        LanguageVersion.CSharp12);

    /// <summary>
    /// The fix with the runtime and the generator; compiler warnings of the fixed code are compared too (none expected).
    /// LZM0008 is a compilation-end rule, whose diagnostics the framework calls non-local: its local check is off.
    /// </summary>
    private static Task FixAsync(string source, string fixedSource, LanguageVersion languageVersion = LanguageVersion.Latest)
    {
        var test = new LazyFixTest<LZM0008LazyInstanceStateFixer>(runtime: true, generator: true)
        {
            TestCode = source,
            FixedCode = fixedSource,
            LanguageVersion = languageVersion,
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return test.RunAsync();
    }
}
