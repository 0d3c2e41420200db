using System.Threading.Tasks;
using LazyMigrate.CodeFixes.Rules;
using LazyMigrate.CodeFixes.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace LazyMigrate.CodeFixes.Tests.Rules;

/// <summary>
/// With C# 13 or later, the runtime and the [LazyValue] generator in the project, the fix writes a
/// partial property and its factory; the generator implements it (the framework compiles the fixed
/// code with the generator, here with warnings compared too, and runs the analyzers on it again).
/// </summary>
public class LZM0001LazyValuePropertyTests
{
    [Fact]
    public Task Field_becomes_partial_property_and_type_becomes_partial() => FixAsync(
        """
        using ImageMagick;

        namespace App;

        internal static class Images
        {
            // The placeholder shown before the first upload.
            private static readonly MagickImage Blank = {|LZM0001:new MagickImage("blank.png")|}; // 64 x 48

            public static int Width => Blank.Width;
        }
        """,
        """
        using ImageMagick;
        using LazyMigrate;

        namespace App;

        internal static partial class Images
        {
            // The placeholder shown before the first upload.
            [LazyValue("Magick.NET")]
            private static partial MagickImage Blank { get; }

            private static MagickImage CreateBlank() => new MagickImage("blank.png"); // 64 x 48

            public static int Width => Blank.Width;
        }
        """);

    [Fact]
    public Task Property_keeps_attributes_and_doc_comment_target_typed_new_stays() => FixAsync(
        """
        using System;
        using Microsoft.ML.OnnxRuntime;

        namespace App
        {
            internal class Outer
            {
                internal sealed class Models
                {
                    /// <summary>The scoring model.</summary>
                    [Obsolete("use Ranker")]
                    internal static InferenceSession Scorer { get; } = {|LZM0001:new("scorer.onnx")|};
                }
            }
        }
        """,
        """
        using System;
        using LazyMigrate;
        using Microsoft.ML.OnnxRuntime;

        namespace App
        {
            internal partial class Outer
            {
                internal sealed partial class Models
                {
                    /// <summary>The scoring model.</summary>
                    [Obsolete("use Ranker")]
                    [LazyValue("Microsoft.ML.OnnxRuntime")]
                    internal static partial InferenceSession Scorer { get; }

                    private static InferenceSession CreateScorer() => new("scorer.onnx");
                }
            }
        }
        """);

    [Fact]
    public Task Taken_factory_name_is_named_in_the_attribute() => FixAsync(
        """
        using Microsoft.ML.OnnxRuntime;

        namespace App;

        internal static class Models
        {
            public static readonly InferenceSession Session = {|LZM0001:new InferenceSession("model.onnx")|};

            public static string CreateSession(string name) => name;
        }
        """,
        """
        using LazyMigrate;
        using Microsoft.ML.OnnxRuntime;

        namespace App;

        internal static partial class Models
        {
            [LazyValue("Microsoft.ML.OnnxRuntime", Factory = nameof(BuildSession))]
            public static partial InferenceSession Session { get; }

            private static InferenceSession BuildSession() => new InferenceSession("model.onnx");

            public static string CreateSession(string name) => name;
        }
        """);

    [Fact]
    public Task Static_constructor_assignment_becomes_partial_property() => FixAsync(
        """
        using Microsoft.ML.OnnxRuntime;

        namespace App;

        internal class Models
        {
            public static InferenceSession Session { get; }

            static Models()
            {
                // Loaded once for the process.
                Session = {|LZM0001:new InferenceSession("model.onnx")|};
            }
        }
        """,
        """
        using LazyMigrate;
        using Microsoft.ML.OnnxRuntime;

        namespace App;

        internal partial class Models
        {
            [LazyValue("Microsoft.ML.OnnxRuntime")]
            public static partial InferenceSession Session { get; }

            private static InferenceSession CreateSession() => new InferenceSession("model.onnx");

            static Models()
            {
                // Loaded once for the process.
            }
        }
        """);

    [Fact]
    public Task CSharp_12_keeps_the_expanded_shape() => Verify<LZM0001LazyStaticMemberFixer>.FixAsync(
        """
        using Microsoft.ML.OnnxRuntime;

        namespace App;

        internal static class Models
        {
            public static readonly InferenceSession Session = {|LZM0001:new InferenceSession("model.onnx")|};
        }
        """,
        """
        using System.Runtime.CompilerServices;
        using LazyMigrate;
        using Microsoft.ML.OnnxRuntime;

        namespace App;

        internal static class Models
        {
            public static InferenceSession Session => SessionHolder.Value ?? s_session.Get<InferenceSession>();

            private static readonly LazyValue s_session = new LazyValue("Microsoft.ML.OnnxRuntime", CreateSession);

            [LazyValueHolder]
            private static class SessionHolder
            {
                // Initialized on the first read of Session; from then on the JIT reads it as a constant.
                public static readonly InferenceSession? Value = s_session.GetOrDefault<InferenceSession>();
            }

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateSession() => new InferenceSession("model.onnx");
        }
        """,
        runtime: true, generator: true, languageVersion: LanguageVersion.CSharp12);

    [Fact]
    public Task Without_the_runtime_keeps_Lazy_of_object() => Verify<LZM0001LazyStaticMemberFixer>.FixAsync(
        """
        using Microsoft.ML.OnnxRuntime;

        namespace App;

        internal static class Models
        {
            public static readonly InferenceSession Session = {|LZM0001:new InferenceSession("model.onnx")|};
        }
        """,
        """
        using System;
        using System.Runtime.CompilerServices;
        using Microsoft.ML.OnnxRuntime;

        namespace App;

        internal static class Models
        {
            public static InferenceSession Session => s_sessionValue ??= (InferenceSession)s_session.Value;

            private static readonly Lazy<object> s_session = new Lazy<object>(CreateSession);
            private static InferenceSession? s_sessionValue;

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateSession() => new InferenceSession("model.onnx");
        }
        """,
        runtime: false, generator: true);

    [Fact]
    public Task Without_the_generator_keeps_the_expanded_shape() => Verify<LZM0001LazyStaticMemberFixer>.FixAsync(
        """
        using Microsoft.ML.OnnxRuntime;

        namespace App;

        internal static class Models
        {
            public static readonly InferenceSession Session = {|LZM0001:new InferenceSession("model.onnx")|};
        }
        """,
        """
        using System.Runtime.CompilerServices;
        using LazyMigrate;
        using Microsoft.ML.OnnxRuntime;

        namespace App;

        internal static class Models
        {
            public static InferenceSession Session => SessionHolder.Value ?? s_session.Get<InferenceSession>();

            private static readonly LazyValue s_session = new LazyValue("Microsoft.ML.OnnxRuntime", CreateSession);

            [LazyValueHolder]
            private static class SessionHolder
            {
                // Initialized on the first read of Session; from then on the JIT reads it as a constant.
                public static readonly InferenceSession? Value = s_session.GetOrDefault<InferenceSession>();
            }

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateSession() => new InferenceSession("model.onnx");
        }
        """,
        runtime: true, generator: false);

    /// <summary>The fix with the runtime and the generator; compiler warnings of the fixed code are compared too (none expected).</summary>
    internal static Task FixAsync(string source, string fixedSource)
    {
        var test = new LazyFixTest<LZM0001LazyStaticMemberFixer>(runtime: true, generator: true)
        {
            TestCode = source,
            FixedCode = fixedSource,
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
        };
        return test.RunAsync();
    }
}
