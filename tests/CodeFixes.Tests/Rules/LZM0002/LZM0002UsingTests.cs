using System.Threading.Tasks;
using LazyMigrate.CodeFixes.Rules;
using LazyMigrate.CodeFixes.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace LazyMigrate.CodeFixes.Tests.Rules;

/// <summary>
/// LZM0002 on a heavy object created by a <c>using</c> declaration or statement (<see cref="LZM0002UsingDeferral"/>):
/// the object is built on first use and a disposal guard keeps the <c>using</c> where it was. The framework also
/// applies each fix through Fix All (document, project, solution) and again until nothing changes, and
/// checks that the fixed code compiles without warnings.
/// </summary>
public class LZM0002UsingTests
{
    [Fact]
    public Task Top_level_using_declaration_used_after_ready_becomes_lazy_value_and_disposal_guard() => FixAsync(
        """
        using System;
        using Microsoft.ML.OnnxRuntime;

        Console.WriteLine("start");

        // the model
        using var session = {|LZM0002:new InferenceSession("model.onnx")|}; // scored below
        LazyMigrate.LazyLoading.MarkReady();
        Console.WriteLine(Commands.Score(session, "x"));

        static class Commands
        {
            public static string Score(InferenceSession session, string input) => session.Run(input);
        }
        """,
        """
        using System;
        using System.Runtime.CompilerServices;
        using LazyMigrate;
        using Microsoft.ML.OnnxRuntime;

        Console.WriteLine("start");

        using var sessionGuard = s_session.DisposalGuard(); // scored below
        LazyMigrate.LazyLoading.MarkReady();
        UseInferenceSession();

        static class Commands
        {
            public static string Score(InferenceSession session, string input) => session.Run(input);
        }

        partial class Program
        {
            // the model
            private static InferenceSession Session => s_session.Get<InferenceSession>();

            private static readonly LazyValue s_session = new LazyValue("Microsoft.ML.OnnxRuntime", CreateSession);

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateSession() => new InferenceSession("model.onnx");

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static void UseInferenceSession()
            {
                Console.WriteLine(Commands.Score(Session, "x"));
            }
        }
        """);

    [Fact]
    public Task Main_using_declarations_fix_all_image_and_session() => FixAsync(
        """
        using System;
        using ImageMagick;
        using Microsoft.ML.OnnxRuntime;

        namespace App
        {
            internal static class Program
            {
                public static void Main()
                {
                    Console.WriteLine("start");
                    using var logo = {|LZM0002:new MagickImage("logo.png")|};
                    /* scoring */ using var session = {|LZM0002:new InferenceSession("model.onnx")|};
                    Microsoft.AspNetCore.Builder.WebApplication.Create().Run();
                    Console.WriteLine(Describe(logo));
                    Console.WriteLine(Score(session));
                }

                static string Describe(MagickImage image) => image.Width.ToString();

                static string Score(InferenceSession session) => session.Run("x");
            }
        }
        """,
        """
        using System;
        using System.Runtime.CompilerServices;
        using ImageMagick;
        using LazyMigrate;
        using Microsoft.ML.OnnxRuntime;

        namespace App
        {
            internal static class Program
            {
                public static void Main()
                {
                    Console.WriteLine("start");
                    using var logoGuard = s_logo.DisposalGuard();
                    using var sessionGuard = s_session.DisposalGuard();
                    Microsoft.AspNetCore.Builder.WebApplication.Create().Run();
                    UseMagickImage();
                    UseInferenceSession();
                }

                static string Describe(MagickImage image) => image.Width.ToString();

                static string Score(InferenceSession session) => session.Run("x");

                private static MagickImage Logo => s_logo.Get<MagickImage>();

                private static readonly LazyValue s_logo = new LazyValue("Magick.NET", CreateLogo);

                [MethodImpl(MethodImplOptions.NoInlining)]
                private static object CreateLogo() => new MagickImage("logo.png");

                [MethodImpl(MethodImplOptions.NoInlining)]
                private static void UseMagickImage()
                {
                    Console.WriteLine(Describe(Logo));
                }

                /* scoring */
                private static InferenceSession Session => s_session.Get<InferenceSession>();

                private static readonly LazyValue s_session = new LazyValue("Microsoft.ML.OnnxRuntime", CreateSession);

                [MethodImpl(MethodImplOptions.NoInlining)]
                private static object CreateSession() => new InferenceSession("model.onnx");

                [MethodImpl(MethodImplOptions.NoInlining)]
                private static void UseInferenceSession()
                {
                    Console.WriteLine(Score(Session));
                }
            }
        }
        """);

    [Fact]
    public Task Using_statement_becomes_using_of_the_guard() => FixAsync(
        """
        using System;
        using ImageMagick;

        namespace App
        {
            internal static class Program
            {
                public static void Main()
                {
                    // the logo, shown once
                    using (var logo = {|LZM0002:new MagickImage("logo.png")|})
                    {
                        Console.WriteLine(Describe(logo));
                    }

                    Microsoft.AspNetCore.Builder.WebApplication.Create().Run();
                }

                static string Describe(MagickImage image) => image.Width.ToString();
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
            internal static class Program
            {
                public static void Main()
                {
                    using (s_logo.DisposalGuard())
                    {
                        Console.WriteLine(Describe(Logo));
                    }

                    Microsoft.AspNetCore.Builder.WebApplication.Create().Run();
                }

                static string Describe(MagickImage image) => image.Width.ToString();

                // the logo, shown once
                private static MagickImage Logo => s_logo.Get<MagickImage>();

                private static readonly LazyValue s_logo = new LazyValue("Magick.NET", CreateLogo);

                [MethodImpl(MethodImplOptions.NoInlining)]
                private static object CreateLogo() => new MagickImage("logo.png");
            }
        }
        """);

    [Fact]
    public Task Top_level_using_statement_with_single_statement_body_reading_a_parameter() => FixAsync(
        """
        using System;
        using ImageMagick;

        using (var logo = {|LZM0002:new MagickImage(args[0])|})
            Console.WriteLine(Describe(logo));
        LazyMigrate.LazyLoading.MarkReady();

        partial class Program
        {
            static string Describe(MagickImage image) => image.Width.ToString();
        }
        """,
        """
        using System;
        using System.Runtime.CompilerServices;
        using ImageMagick;
        using LazyMigrate;

        s_logo = new LazyValue("Magick.NET", () => CreateLogo(args));
        using (s_logo.DisposalGuard())
            Console.WriteLine(Describe(Logo));
        LazyMigrate.LazyLoading.MarkReady();

        partial class Program
        {
            static string Describe(MagickImage image) => image.Width.ToString();

            private static MagickImage Logo => s_logo!.Get<MagickImage>();

            private static LazyValue? s_logo;

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateLogo(string[] args) => new MagickImage(args[0]);
        }
        """);

    [Fact]
    public Task Never_used_using_declaration_keeps_only_the_guard() => FixAsync(
        """
        using System;
        using Microsoft.ML.OnnxRuntime;

        using var session = {|LZM0002:new InferenceSession("model.onnx")|};
        Console.WriteLine("ready");
        LazyMigrate.LazyLoading.MarkReady();
        """,
        """
        using System;
        using System.Runtime.CompilerServices;
        using LazyMigrate;
        using Microsoft.ML.OnnxRuntime;

        using var sessionGuard = s_session.DisposalGuard();
        Console.WriteLine("ready");
        LazyMigrate.LazyLoading.MarkReady();

        partial class Program
        {
            private static InferenceSession Session => s_session.Get<InferenceSession>();

            private static readonly LazyValue s_session = new LazyValue("Microsoft.ML.OnnxRuntime", CreateSession);

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateSession() => new InferenceSession("model.onnx");
        }
        """);

    [Fact]
    public Task Main_using_declaration_reading_args_creates_the_proxy_in_place_then_the_guard() => FixAsync(
        """
        using System;
        using ImageMagick;

        namespace App
        {
            internal static class Program
            {
                public static void Main(string[] args)
                {
                    using var logo = {|LZM0002:new MagickImage(args[0])|}; // from the command line
                    Microsoft.AspNetCore.Builder.WebApplication.Create().Run();
                    Console.WriteLine(Describe(logo));
                }

                static string Describe(MagickImage image) => image.Width.ToString();
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
            internal static class Program
            {
                public static void Main(string[] args)
                {
                    s_logo = new LazyValue("Magick.NET", () => CreateLogo(args)); // from the command line
                    using var logoGuard = s_logo.DisposalGuard();
                    Microsoft.AspNetCore.Builder.WebApplication.Create().Run();
                    UseMagickImage();
                }

                static string Describe(MagickImage image) => image.Width.ToString();

                private static MagickImage Logo => s_logo!.Get<MagickImage>();

                private static LazyValue? s_logo;

                [MethodImpl(MethodImplOptions.NoInlining)]
                private static object CreateLogo(string[] args) => new MagickImage(args[0]);

                [MethodImpl(MethodImplOptions.NoInlining)]
                private static void UseMagickImage()
                {
                    Console.WriteLine(Describe(Logo));
                }
            }
        }
        """);

    [Fact]
    public Task Argument_that_calls_the_project_stays_where_it_ran_and_the_factory_receives_it() => FixAsync(
        """
        using System;
        using Microsoft.ML.OnnxRuntime;

        Console.WriteLine("start");

        // the scoring model
        using var scorer = {|LZM0002:new InferenceSession(Models.Path("square"))|};
        LazyMigrate.LazyLoading.MarkReady();
        Console.WriteLine(Commands.Score(scorer, "x"));

        static class Models
        {
            public static string Path(string name)
            {
                Console.WriteLine("model " + name);
                return name + ".onnx";
            }
        }

        static class Commands
        {
            public static string Score(InferenceSession session, string input) => session.Run(input);
        }
        """,
        """
        using System;
        using System.Runtime.CompilerServices;
        using LazyMigrate;
        using Microsoft.ML.OnnxRuntime;

        Console.WriteLine("start");

        // the scoring model
        var scorerModelPath = Models.Path("square");
        s_scorer = new LazyValue("Microsoft.ML.OnnxRuntime", () => CreateScorer(scorerModelPath));
        using var scorerGuard = s_scorer.DisposalGuard();
        LazyMigrate.LazyLoading.MarkReady();
        UseInferenceSession();

        static class Models
        {
            public static string Path(string name)
            {
                Console.WriteLine("model " + name);
                return name + ".onnx";
            }
        }

        static class Commands
        {
            public static string Score(InferenceSession session, string input) => session.Run(input);
        }

        partial class Program
        {
            private static InferenceSession Scorer => s_scorer!.Get<InferenceSession>();

            private static LazyValue? s_scorer;

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateScorer(string scorerModelPath) => new InferenceSession(scorerModelPath);

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static void UseInferenceSession()
            {
                Console.WriteLine(Commands.Score(Scorer, "x"));
            }
        }
        """);

    [Fact]
    public Task Fixed_code_is_not_reported_again() => NoFixAsync(
        """
        using System;
        using System.Runtime.CompilerServices;
        using ImageMagick;
        using LazyMigrate;
        using Microsoft.ML.OnnxRuntime;

        namespace App
        {
            internal static class Program
            {
                public static void Main()
                {
                    Console.WriteLine("start");
                    using var logoGuard = s_logo.DisposalGuard();
                    using var sessionGuard = s_session.DisposalGuard();
                    Microsoft.AspNetCore.Builder.WebApplication.Create().Run();
                    UseMagickImage();
                    UseInferenceSession();
                }

                static string Describe(MagickImage image) => image.Width.ToString();

                static string Score(InferenceSession session) => session.Run("x");

                private static MagickImage Logo => s_logo.Get<MagickImage>();

                private static readonly LazyValue s_logo = new LazyValue("Magick.NET", CreateLogo);

                [MethodImpl(MethodImplOptions.NoInlining)]
                private static object CreateLogo() => new MagickImage("logo.png");

                [MethodImpl(MethodImplOptions.NoInlining)]
                private static void UseMagickImage()
                {
                    Console.WriteLine(Describe(Logo));
                }

                /* scoring */
                private static InferenceSession Session => s_session.Get<InferenceSession>();

                private static readonly LazyValue s_session = new LazyValue("Microsoft.ML.OnnxRuntime", CreateSession);

                [MethodImpl(MethodImplOptions.NoInlining)]
                private static object CreateSession() => new InferenceSession("model.onnx");

                [MethodImpl(MethodImplOptions.NoInlining)]
                private static void UseInferenceSession()
                {
                    Console.WriteLine(Score(Session));
                }
            }
        }
        """);

    [Fact]
    public Task Without_the_runtime_a_using_declaration_is_left_as_it_is() => NoFixAsync(
        """
        using System;
        using Microsoft.ML.OnnxRuntime;

        using var session = {|LZM0002:new InferenceSession("model.onnx")|};
        Microsoft.AspNetCore.Builder.WebApplication.Create().Run();
        Console.WriteLine(session.ToString());
        """,
        runtime: false);

    [Fact]
    public Task Two_declarators_and_a_using_in_a_loop_are_left_as_they_are() => NoFixAsync(
        """
        using System;
        using ImageMagick;

        using (MagickImage logo = {|LZM0002:new MagickImage("logo.png")|}, icon = new MagickImage("icon.png"))
        {
            Console.WriteLine(logo.ToString() + icon.ToString());
        }

        for (var i = 0; i < 2; i++)
        {
            using var frame = {|LZM0002:new MagickImage("frame.png")|};
            Console.WriteLine(frame.ToString());
        }

        LazyMigrate.LazyLoading.MarkReady();
        """);

    [Fact]
    public Task With_the_generator_a_using_declaration_keeps_the_expanded_shape() => FixAsync(
        """
        using System;
        using Microsoft.ML.OnnxRuntime;

        using var session = {|LZM0002:new InferenceSession("model.onnx")|};
        Console.WriteLine("ready");
        LazyMigrate.LazyLoading.MarkReady();
        """,
        """
        using System;
        using System.Runtime.CompilerServices;
        using LazyMigrate;
        using Microsoft.ML.OnnxRuntime;

        using var sessionGuard = s_session.DisposalGuard();
        Console.WriteLine("ready");
        LazyMigrate.LazyLoading.MarkReady();

        partial class Program
        {
            private static InferenceSession Session => s_session.Get<InferenceSession>();

            private static readonly LazyValue s_session = new LazyValue("Microsoft.ML.OnnxRuntime", CreateSession);

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateSession() => new InferenceSession("model.onnx");
        }
        """,
        generator: true);

    [Fact]
    public Task Command_switch_after_ready_reads_each_deferred_value_only_in_its_own_arm() => FixAsync(
        """
        using System;
        using ImageMagick;
        using Microsoft.ML.OnnxRuntime;

        using var session = {|LZM0002:new InferenceSession("model.onnx")|};
        var logo = {|LZM0002:new MagickImage("logo.png")|};
        LazyMigrate.LazyLoading.MarkReady();
        string? line;
        while ((line = Console.ReadLine()) is not null)
        {
            // one command a line
            var result = line switch
            {
                "score" => Commands.Score(session, line),
                "logo" => Commands.Describe(logo),
                _ => "unknown",
            };
            Console.WriteLine(result);
        }

        static class Commands
        {
            public static string Score(InferenceSession session, string input) => session.Run(input);

            public static string Describe(MagickImage image) => image.Width.ToString();
        }
        """,
        """
        using System;
        using System.Runtime.CompilerServices;
        using ImageMagick;
        using LazyMigrate;
        using Microsoft.ML.OnnxRuntime;

        using var sessionGuard = s_session.DisposalGuard();
        LazyMigrate.LazyLoading.MarkReady();
        string? line;
        while ((line = Console.ReadLine()) is not null)
        {
            // one command a line
            var result = ComputeInferenceSession(line);
            Console.WriteLine(result);
        }

        static class Commands
        {
            public static string Score(InferenceSession session, string input) => session.Run(input);

            public static string Describe(MagickImage image) => image.Width.ToString();
        }

        partial class Program
        {
            private static InferenceSession Session => s_session.Get<InferenceSession>();

            private static readonly LazyValue s_session = new LazyValue("Microsoft.ML.OnnxRuntime", CreateSession);

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateSession() => new InferenceSession("model.onnx");
            [MethodImpl(MethodImplOptions.NoInlining)]
            private static string ComputeInferenceSession(string? line) => line switch
            {
                "score" => Commands.Score(Session, line),
                "logo" => Commands.Describe(Logo),
                _ => "unknown",
            };

            private static MagickImage Logo => s_logo.Get<MagickImage>();

            private static readonly LazyValue s_logo = new LazyValue("Magick.NET", CreateLogo);

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateLogo() => new MagickImage("logo.png");
        }
        """);

    private static Task NoFixAsync(string source, bool runtime = true) => FixAsync(source, source, runtime);

    private static Task FixAsync(string source, string fixedSource, bool runtime = true, bool generator = false)
    {
        var test = new LazyFixTest<LZM0002DeferStartupWorkFixer>(runtime, generator: generator)
        {
            TestCode = source,
            FixedCode = fixedSource,
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        return test.RunAsync();
    }
}
