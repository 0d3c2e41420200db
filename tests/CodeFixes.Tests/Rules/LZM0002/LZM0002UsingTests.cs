using System.Threading.Tasks;
using LazyMigrate.CodeFixes.Rules;
using LazyMigrate.CodeFixes.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace LazyMigrate.CodeFixes.Tests.Rules;

/// <summary>
/// LZM0002 on a heavy object created by a <c>using</c> declaration or statement (<see cref="LZM0002UsingDeferral"/>):
/// the object is built on first use and a disposal guard keeps the <c>using</c> where it was. The framework also
/// applies each fix through Fix All (document, project, solution) and again until nothing changes.
/// </summary>
public class LZM0002UsingTests
{
    [Fact]
    public Task Top_level_using_declaration_used_after_ready_becomes_lazy_value_and_disposal_guard() => Verify<LZM0002DeferStartupWorkFixer>.FixAsync(
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
        """,
        runtime: true,
        OutputKind.ConsoleApplication);

    [Fact]
    public Task Main_using_declarations_fix_all_image_and_session() => Verify<LZM0002DeferStartupWorkFixer>.FixAsync(
        """
        using System;
        using ImageMagick;
        using Microsoft.ML.OnnxRuntime;

        namespace App
        {
            public static class Program
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
            public static class Program
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
        """,
        runtime: true,
        OutputKind.ConsoleApplication);

    [Fact]
    public Task Using_statement_becomes_using_of_the_guard() => Verify<LZM0002DeferStartupWorkFixer>.FixAsync(
        """
        using System;
        using ImageMagick;

        namespace App
        {
            public static class Program
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
            public static class Program
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
        """,
        runtime: true,
        OutputKind.ConsoleApplication);

    [Fact]
    public Task Top_level_using_statement_with_single_statement_body_reading_a_parameter() => Verify<LZM0002DeferStartupWorkFixer>.FixAsync(
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
        """,
        runtime: true,
        OutputKind.ConsoleApplication);

    [Fact]
    public Task Never_used_using_declaration_keeps_only_the_guard() => Verify<LZM0002DeferStartupWorkFixer>.FixAsync(
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
        runtime: true,
        OutputKind.ConsoleApplication);

    [Fact]
    public Task Main_using_declaration_reading_args_creates_the_proxy_in_place_then_the_guard() => Verify<LZM0002DeferStartupWorkFixer>.FixAsync(
        """
        using System;
        using ImageMagick;

        namespace App
        {
            public static class Program
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
            public static class Program
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
        """,
        runtime: true,
        OutputKind.ConsoleApplication);

    [Fact]
    public Task Fixed_code_is_not_reported_again() => Verify<LZM0002DeferStartupWorkFixer>.NoFixAsync(
        """
        using System;
        using System.Runtime.CompilerServices;
        using ImageMagick;
        using LazyMigrate;
        using Microsoft.ML.OnnxRuntime;

        namespace App
        {
            public static class Program
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
        """,
        runtime: true,
        OutputKind.ConsoleApplication);

    [Fact]
    public Task Without_the_runtime_a_using_declaration_is_left_as_it_is() => Verify<LZM0002DeferStartupWorkFixer>.NoFixAsync(
        """
        using System;
        using Microsoft.ML.OnnxRuntime;

        using var session = {|LZM0002:new InferenceSession("model.onnx")|};
        Microsoft.AspNetCore.Builder.WebApplication.Create().Run();
        Console.WriteLine(session.ToString());
        """,
        runtime: false,
        OutputKind.ConsoleApplication);

    [Fact]
    public Task Two_declarators_and_a_using_in_a_loop_are_left_as_they_are() => Verify<LZM0002DeferStartupWorkFixer>.NoFixAsync(
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
        """,
        runtime: true,
        OutputKind.ConsoleApplication);
}
