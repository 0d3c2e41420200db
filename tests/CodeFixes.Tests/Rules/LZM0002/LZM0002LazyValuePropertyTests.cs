using System.Threading.Tasks;
using LazyMigrate.CodeFixes.Rules;
using LazyMigrate.CodeFixes.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace LazyMigrate.CodeFixes.Tests.Rules;

/// <summary>
/// LZM0002's deferred locals with C# 13 or later, the runtime and the [LazyValue] generator: a local that
/// reads no other local becomes a partial property of the type (or of Program); one built from locals keeps
/// the expanded shape (its proxy is assigned where the local was). Fixed code compiles with the generator.
/// </summary>
public class LZM0002LazyValuePropertyTests
{
    [Fact]
    public Task Top_level_local_becomes_partial_property_of_Program() => FixAsync(
        """
        using System;
        using Microsoft.ML.OnnxRuntime;

        Console.WriteLine("start");
        // the model
        var session = {|LZM0002:new InferenceSession("model.onnx")|};
        Console.WriteLine("ready");
        Console.WriteLine(session.Run("x"));
        LazyMigrate.LazyLoading.MarkReady();
        """,
        """
        using System;
        using LazyMigrate;
        using Microsoft.ML.OnnxRuntime;

        Console.WriteLine("start");
        Console.WriteLine("ready");
        Console.WriteLine({|LZM0002:Session.Run("x")|});
        LazyMigrate.LazyLoading.MarkReady();

        partial class Program
        {
            // the model
            [LazyValue("Microsoft.ML.OnnxRuntime")]
            private static partial InferenceSession Session { get; }

            private static InferenceSession CreateSession() => new InferenceSession("model.onnx");
        }
        """);

    [Fact]
    public Task Main_local_becomes_partial_property_and_class_becomes_partial_captured_local_stays_expanded() => FixAsync(
        """
        using System;
        using ImageMagick;

        namespace App
        {
            internal static class Program
            {
                public static void Main(string[] args)
                {
                    Console.WriteLine("start");
                    var logo = {|LZM0002:new MagickImage("logo.png")|};
                    var fromArgs = {|LZM0002:new MagickImage(args[0])|};
                    Run(() => logo.Width + fromArgs.Width);
                    Microsoft.AspNetCore.Builder.WebApplication.Create().Run();
                }

                static void Run(Func<int> work) => Console.WriteLine(work());
            }
        }
        """,
        """
        using System;
        using System.Runtime.CompilerServices;
        using ImageMagick;
        using LazyMigrate;

        namespace App
        {
            internal static partial class Program
            {
                public static void Main(string[] args)
                {
                    Console.WriteLine("start");
                    s_fromArgs = new LazyValue("Magick.NET", () => CreateFromArgs(args));
                    Run(() => {|LZM0002:Logo.Width|} + FromArgs.Width);
                    Microsoft.AspNetCore.Builder.WebApplication.Create().Run();
                }

                static void Run(Func<int> work) => Console.WriteLine(work());

                [LazyValue("Magick.NET")]
                private static partial MagickImage Logo { get; }

                private static MagickImage CreateLogo() => new MagickImage("logo.png");

                private static MagickImage FromArgs => s_fromArgs!.Get<MagickImage>();

                private static LazyValue? s_fromArgs;

                [MethodImpl(MethodImplOptions.NoInlining)]
                private static object CreateFromArgs(string[] args) => new MagickImage(args[0]);
            }
        }
        """);

    [Fact]
    public Task CSharp_12_keeps_the_expanded_shape() => FixAsync(
        """
        using System;
        using Microsoft.ML.OnnxRuntime;

        Console.WriteLine("start");
        var session = {|LZM0002:new InferenceSession("model.onnx")|};
        Console.WriteLine("ready");
        Console.WriteLine(session.Run("x"));
        LazyMigrate.LazyLoading.MarkReady();
        """,
        """
        using System;
        using System.Runtime.CompilerServices;
        using LazyMigrate;
        using Microsoft.ML.OnnxRuntime;

        Console.WriteLine("start");
        Console.WriteLine("ready");
        Console.WriteLine({|LZM0002:Session.Run("x")|});
        LazyMigrate.LazyLoading.MarkReady();

        partial class Program
        {
            private static InferenceSession Session => s_session.Get<InferenceSession>();

            private static readonly LazyValue s_session = new LazyValue("Microsoft.ML.OnnxRuntime", CreateSession);

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateSession() => new InferenceSession("model.onnx");
        }
        """,
        LanguageVersion.CSharp12);

    /// <summary>The fix with the runtime and the generator in a console app; compiler warnings of the fixed code are compared too (none expected).</summary>
    private static Task FixAsync(string source, string fixedSource, LanguageVersion languageVersion = LanguageVersion.Latest)
    {
        var test = new LazyFixTest<LZM0002DeferStartupWorkFixer>(runtime: true, generator: true)
        {
            TestCode = source,
            FixedCode = fixedSource,
            LanguageVersion = languageVersion,
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        return test.RunAsync();
    }
}
