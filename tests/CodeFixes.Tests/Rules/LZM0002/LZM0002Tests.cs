using System.Threading.Tasks;
using LazyMigrate.CodeFixes.Rules;
using LazyMigrate.CodeFixes.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace LazyMigrate.CodeFixes.Tests.Rules;

public class LZM0002Tests
{
    [Fact]
    public Task Top_level_local_with_runtime_moves_to_Lazy_member_of_Program() => Verify<LZM0002DeferStartupWorkFixer>.FixAsync(
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
        using System.Runtime.CompilerServices;
        using LazyMigrate;
        using Microsoft.ML.OnnxRuntime;

        Console.WriteLine("start");
        Console.WriteLine("ready");
        Console.WriteLine({|LZM0002:Session.Run("x")|});
        LazyMigrate.LazyLoading.MarkReady();

        partial class Program
        {
            // the model
            private static InferenceSession Session => s_session.Get<InferenceSession>();

            private static readonly LazyValue s_session = new LazyValue("Microsoft.ML.OnnxRuntime", CreateSession);

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateSession() => new InferenceSession("model.onnx");
        }
        """,
        runtime: true,
        OutputKind.ConsoleApplication);

    [Fact]
    public Task Top_level_existing_partial_Program_and_several_locals_fix_all() => Verify<LZM0002DeferStartupWorkFixer>.FixAsync(
        """
        using System;
        using ImageMagick;
        using Microsoft.ML.OnnxRuntime;

        var options = {|LZM0002:new SessionOptions()|};
        var logo = {|LZM0002:new MagickImage("logo.png")|}; // the logo
        Console.WriteLine("ready");
        Handle(() => options.LogVerbosityLevel + logo.Width);
        Microsoft.AspNetCore.Builder.WebApplication.Create().Run();

        partial class Program
        {
            static void Handle(Func<int> handler) => Console.WriteLine(handler);
        }
        """,
        """
        using System;
        using System.Runtime.CompilerServices;
        using ImageMagick;
        using Microsoft.ML.OnnxRuntime;

        Console.WriteLine("ready");
        Handle(() => Options.LogVerbosityLevel + Logo.Width);
        Microsoft.AspNetCore.Builder.WebApplication.Create().Run();

        partial class Program
        {
            static void Handle(Func<int> handler) => Console.WriteLine(handler);

            private static SessionOptions Options => (SessionOptions)s_options.Value;

            private static readonly Lazy<object> s_options = new Lazy<object>(CreateOptions);

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateOptions() => new SessionOptions();

            private static MagickImage Logo => (MagickImage)s_logo.Value;

            private static readonly Lazy<object> s_logo = new Lazy<object>(CreateLogo);

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateLogo() => new MagickImage("logo.png");
        }
        """,
        runtime: false,
        OutputKind.ConsoleApplication);

    [Fact]
    public Task Main_method_locals_deferred_captured_args_passed_to_factory_side_effects_and_discarded_calls_not_fixed() => Verify<LZM0002DeferStartupWorkFixer>.FixAsync(
        """
        using System;
        using ImageMagick;

        namespace App
        {
            public static class Program
            {
                public static void Main(string[] args)
                {
                    Console.WriteLine("start");
                    {|LZM0002:MagickNET.Initialize()|};
                    var version = {|LZM0002:MagickNET.Version|};
                    var fromArgs = {|LZM0002:new MagickImage(args[0])|};
                    var logged = {|LZM0002:new MagickImage(Log("side effect"))|};
                    Run(() => version + fromArgs.Width + logged.Width);
                    Microsoft.AspNetCore.Builder.WebApplication.Create().Run();
                }

                static string Log(string text) => text;

                static void Run(Func<string> work) => Console.WriteLine(work());
            }
        }
        """,
        """
        using System;
        using System.Runtime.CompilerServices;
        using ImageMagick;

        namespace App
        {
            public static class Program
            {
                public static void Main(string[] args)
                {
                    Console.WriteLine("start");
                    {|LZM0002:MagickNET.Initialize()|};
                    s_fromArgs = new Lazy<object>(() => CreateFromArgs(args));
                    var logged = {|LZM0002:new MagickImage(Log("side effect"))|};
                    Run(() => Version + {|LZM0002:FromArgs.Width|} + logged.Width);
                    Microsoft.AspNetCore.Builder.WebApplication.Create().Run();
                }

                static string Log(string text) => text;

                static void Run(Func<string> work) => Console.WriteLine(work());

                private static string Version => (string)s_version.Value;

                private static readonly Lazy<object> s_version = new Lazy<object>(CreateVersion);

                [MethodImpl(MethodImplOptions.NoInlining)]
                private static object CreateVersion() => MagickNET.Version;

                private static MagickImage FromArgs => (MagickImage)s_fromArgs!.Value;

                private static Lazy<object>? s_fromArgs;

                [MethodImpl(MethodImplOptions.NoInlining)]
                private static object CreateFromArgs(string[] args) => new MagickImage(args[0]);
            }
        }
        """,
        runtime: false,
        OutputKind.ConsoleApplication);

    [Fact]
    public Task Top_level_flag_computed_by_a_LINQ_query_over_a_heavy_static_becomes_a_lazy_value() => Verify<LZM0002DeferStartupWorkFixer>.FixAsync(
        """
        using System;
        using System.Linq;
        using ImageMagick;

        var canConvert = {|LZM0002:MagickNET.SupportedFormats|}.Any(f => f.Format == MagickFormat.Avif && f.SupportsReading);
        Console.WriteLine("ready");
        LazyMigrate.LazyLoading.MarkReady();
        Console.WriteLine(canConvert ? "webp" : "none");
        """,
        """
        using System;
        using System.Linq;
        using System.Runtime.CompilerServices;
        using ImageMagick;
        using LazyMigrate;

        Console.WriteLine("ready");
        LazyMigrate.LazyLoading.MarkReady();
        Console.WriteLine(CanConvert ? "webp" : "none");

        partial class Program
        {
            private static bool CanConvert => s_canConvert.Get<bool>();

            private static readonly LazyValue s_canConvert = new LazyValue("Magick.NET", CreateCanConvert);

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateCanConvert() => MagickNET.SupportedFormats.Any(f => f.Format == MagickFormat.Avif && f.SupportsReading);
        }
        """,
        runtime: true,
        OutputKind.ConsoleApplication);

    [Fact]
    public Task Top_level_rows_built_from_heavy_data_with_a_plain_project_class_become_a_lazy_value() => Verify<LZM0002DeferStartupWorkFixer>.FixAsync(
        """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using ImageMagick;

        var rows = {|LZM0002:MagickNET.SupportedFormats|}.Select(f => new FormatRow { Readable = f.SupportsReading }).ToList();
        Console.WriteLine("ready");
        LazyMigrate.LazyLoading.MarkReady();
        Console.WriteLine(rows.Count);

        sealed class FormatRow
        {
            public bool Readable { get; set; }
        }
        """,
        """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Runtime.CompilerServices;
        using ImageMagick;
        using LazyMigrate;

        Console.WriteLine("ready");
        LazyMigrate.LazyLoading.MarkReady();
        Console.WriteLine(Rows.Count);

        sealed class FormatRow
        {
            public bool Readable { get; set; }
        }

        partial class Program
        {
            private static List<FormatRow> Rows => s_rows.Get<List<FormatRow>>();

            private static readonly LazyValue s_rows = new LazyValue("Magick.NET", CreateRows);

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateRows() => MagickNET.SupportedFormats.Select(f => new FormatRow { Readable = f.SupportsReading }).ToList();
        }
        """,
        runtime: true,
        OutputKind.ConsoleApplication);

    [Fact]
    public Task Top_level_local_built_from_the_deferred_one_is_deferred_in_the_same_fix() => Verify<LZM0002DeferStartupWorkFixer>.FixAsync(
        """
        using System;
        using Azure.Storage.Blobs;

        var blobs = {|LZM0002:new BlobServiceClient("UseDevelopmentStorage=true")|};
        var container = blobs.GetBlobContainerClient("photos");
        Console.WriteLine("ready");
        LazyMigrate.LazyLoading.MarkReady();
        Console.WriteLine(container);
        """,
        """
        using System;
        using System.Runtime.CompilerServices;
        using Azure.Storage.Blobs;
        using LazyMigrate;

        Console.WriteLine("ready");
        LazyMigrate.LazyLoading.MarkReady();
        Console.WriteLine(Container);

        partial class Program
        {
            private static BlobServiceClient LazyBlobs => s_blobs.Get<BlobServiceClient>();

            private static readonly LazyValue s_blobs = new LazyValue("Azure SDK", CreateBlobs);

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateBlobs() => new BlobServiceClient("UseDevelopmentStorage=true");

            private static string Container => s_container.Get<string>();

            private static readonly LazyValue s_container = new LazyValue("Azure SDK", CreateContainer);

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateContainer() => LazyBlobs.GetBlobContainerClient("photos");
        }
        """,
        runtime: true,
        OutputKind.ConsoleApplication);

    [Fact]
    public Task Local_in_loop_no_fix() => Verify<LZM0002DeferStartupWorkFixer>.NoFixAsync(
        """
        using System;
        using Microsoft.ML.OnnxRuntime;

        for (var i = 0; i < 2; i++)
        {
            var options = {|LZM0002:new SessionOptions()|};
            Console.WriteLine(options);
        }

        LazyMigrate.LazyLoading.MarkReady();
        """,
        runtime: true,
        OutputKind.ConsoleApplication);

    [Fact]
    public Task Top_level_captured_local_with_runtime_uses_LazyValue_assigned_in_place() => Verify<LZM0002DeferStartupWorkFixer>.FixAsync(
        """
        using System;
        using Microsoft.ML.OnnxRuntime;

        var path = args.Length > 0 ? args[0] : "model.onnx";
        var session = {|LZM0002:new InferenceSession(path)|}; // the model
        Console.WriteLine("ready");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => session.Dispose();
        LazyMigrate.LazyLoading.MarkReady();
        """,
        """
        using System;
        using System.Runtime.CompilerServices;
        using LazyMigrate;
        using Microsoft.ML.OnnxRuntime;

        var path = args.Length > 0 ? args[0] : "model.onnx";
        s_session = new LazyValue("Microsoft.ML.OnnxRuntime", () => CreateSession(path)); // the model
        Console.WriteLine("ready");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Session.Dispose();
        LazyMigrate.LazyLoading.MarkReady();

        partial class Program
        {
            private static InferenceSession Session => s_session!.Get<InferenceSession>();

            private static LazyValue? s_session;

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateSession(string path) => new InferenceSession(path);
        }
        """,
        runtime: true,
        OutputKind.ConsoleApplication);

    [Fact]
    public Task Top_level_use_after_ready_moves_into_a_non_inlined_method_in_the_same_fix() => Verify<LZM0002DeferStartupWorkFixer>.FixAsync(
        """
        using System;
        using LazyMigrate;
        using Microsoft.ML.OnnxRuntime;

        Console.WriteLine("start");
        var options = {|LZM0002:new SessionOptions { LogVerbosityLevel = 2 }|};
        var name = "model";
        LazyLoading.MarkReady();

        Runner.Run(options, name);
        Console.WriteLine("done");

        static class Runner
        {
            public static void Run(SessionOptions options, string name) => Console.WriteLine(name + options.LogVerbosityLevel);
        }
        """,
        """
        using System;
        using System.Runtime.CompilerServices;
        using LazyMigrate;
        using Microsoft.ML.OnnxRuntime;

        Console.WriteLine("start");
        var name = "model";
        LazyLoading.MarkReady();

        UseSessionOptions(name);
        Console.WriteLine("done");

        static class Runner
        {
            public static void Run(SessionOptions options, string name) => Console.WriteLine(name + options.LogVerbosityLevel);
        }

        partial class Program
        {
            private static SessionOptions Options => s_options.Get<SessionOptions>();

            private static readonly LazyValue s_options = new LazyValue("Microsoft.ML.OnnxRuntime", CreateOptions);

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static object CreateOptions() => new SessionOptions { LogVerbosityLevel = 2 };

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static void UseSessionOptions(string name)
            {
                Runner.Run(Options, name);
            }
        }
        """,
        runtime: true,
        OutputKind.ConsoleApplication);
}
