using System.Threading.Tasks;
using LazyMigrate.CodeFixes.Rules;
using LazyMigrate.CodeFixes.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace LazyMigrate.CodeFixes.Tests.Rules;

public class LZM0005Tests
{
    [Fact]
    public Task Heavy_work_before_the_ready_point_is_left_to_LZM0002() => Verify<LZM0005ExtractHeavyReferenceFixer>.NoFixAsync(
        """
        using System;
        using System.Linq;
        using ImageMagick;

        // The statements name Magick.NET's format type (a lambda's delegate type) and do the format query
        // before ready: LZM0002's fix defers that work, so this fix must not move it into a method that still runs first.
        var formats = {|LZM0002:MagickNET.SupportedFormats|};
        var canRead = formats.Any({|LZM0005:f => f.SupportsReading|});
        Console.WriteLine(canRead);
        LazyMigrate.LazyLoading.MarkReady();
        """,
        runtime: true,
        OutputKind.ConsoleApplication);


    [Fact]
    public Task Typeof_generic_argument_and_local_value_in_one_method_moved_out() => Verify<LZM0005ExtractHeavyReferenceFixer>.FixAsync(
        """
        using System;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.ML.OnnxRuntime;

        public static class Program
        {
            public static void Main(string[] args)
            {
                var services = (IServiceCollection)null!;
                var count = args.Length;
                // log the type
                Console.WriteLine(typeof({|LZM0005:InferenceSession|}).Name + count);
                services.AddSingleton<{|LZM0005:IModel|}, OnnxModel>();
                var name = typeof({|LZM0005:SessionOptions|}).FullName;
                Console.WriteLine(name);
            }
        }
        """,
        """
        using System;
        using System.Runtime.CompilerServices;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.ML.OnnxRuntime;

        public static class Program
        {
            public static void Main(string[] args)
            {
                var services = (IServiceCollection)null!;
                var count = args.Length;
                // log the type
                UseInferenceSession(count);
                services.AddSingleton<{|LZM0005:IModel|}, OnnxModel>();
                var name = ComputeSessionOptions();
                Console.WriteLine(name);
            }

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static void UseInferenceSession(int count)
            {
                Console.WriteLine(typeof(InferenceSession).Name + count);
            }

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static string? ComputeSessionOptions() => typeof(SessionOptions).FullName;
        }
        """,
        runtime: false,
        OutputKind.ConsoleApplication);

    [Fact]
    public Task Code_after_ready_cut_top_level_writes_back_assigned_local() => Verify<LZM0005ExtractHeavyReferenceFixer>.FixAsync(
        """
        using System;
        using ImageMagick;
        using LazyMigrate;

        var total = 0;
        LazyLoading.MarkReady();
        total += new {|LZM0005:MagickImage|}("a.png").Width;
        Console.WriteLine(total);
        """,
        """
        using System;
        using System.Runtime.CompilerServices;
        using ImageMagick;
        using LazyMigrate;

        var total = 0;
        LazyLoading.MarkReady();
        UseMagickImage(ref total);
        Console.WriteLine(total);

        partial class Program
        {
            [MethodImpl(MethodImplOptions.NoInlining)]
            private static void UseMagickImage(ref int total)
            {
                total += new MagickImage("a.png").Width;
            }
        }
        """,
        runtime: true,
        OutputKind.ConsoleApplication);

    [Fact]
    public Task Heavy_typed_local_and_return_no_fix() => Verify<LZM0005ExtractHeavyReferenceFixer>.NoFixAsync(
        """
        using System;
        using ImageMagick;

        public static class Program
        {
            public static void Main(string[] args)
            {
                {|LZM0005:MagickImage|}? image = null;
                if (args.Length > 3)
                {
                    return;
                }

                Console.WriteLine(image);
            }
        }
        """,
        runtime: false,
        OutputKind.ConsoleApplication);

    [Fact]
    public Task Registration_no_fix() => Verify<LZM0005ExtractHeavyReferenceFixer>.NoFixAsync(
        """
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.ML;

        public static class Program
        {
            public static void Main(string[] args)
            {
                var services = new ServiceCollection();
                services.AddSingleton({|LZM0005:sp => new MLContext(seed: 1)|});
                LazyMigrate.LazyLoading.MarkReady();
            }
        }
        """,
        runtime: true,
        OutputKind.ConsoleApplication);

    private const string Helpers = """

        static class Imaging
        {
            public static MagickImage Blank => new MagickImage();
        }

        static class Storage
        {
            public static BlobServiceClient Client() => new BlobServiceClient("UseDevelopmentStorage=true");
        }
        """;

    [Fact]
    public Task Run_of_statements_with_implicit_heavy_types_after_ready_moves_into_one_method_returning_the_local_used_later() => Verify<LZM0005ExtractHeavyReferenceFixer>.FixAsync(
        """
        using System;
        using Azure.Storage.Blobs;
        using ImageMagick;
        using LazyMigrate;

        Console.WriteLine("Photos");
        LazyLoading.MarkReady();
        // Show the blank canvas, then the container.
        var {|LZM0005:blank = Imaging.Blank|};
        Console.WriteLine({|LZM0005:blank.Width|});
        var container = {|LZM0005:Storage.Client()|}.GetBlobContainerClient("photos");
        Console.WriteLine(container);
        """ + Helpers,
        """
        using System;
        using System.Runtime.CompilerServices;
        using Azure.Storage.Blobs;
        using ImageMagick;
        using LazyMigrate;

        Console.WriteLine("Photos");
        LazyLoading.MarkReady();
        // Show the blank canvas, then the container.
        var container = UseMagickImage();
        Console.WriteLine(container);
        """ + Helpers + """


        partial class Program
        {
            [MethodImpl(MethodImplOptions.NoInlining)]
            private static string UseMagickImage()
            {
                var blank = Imaging.Blank;
                Console.WriteLine(blank.Width);
                return Storage.Client().GetBlobContainerClient("photos");
            }
        }
        """,
        runtime: true,
        OutputKind.ConsoleApplication);

    [Fact]
    public Task Run_name_taken_uses_the_next_heavy_type_rather_than_a_number() => Verify<LZM0005ExtractHeavyReferenceFixer>.FixAsync(
        """
        using System;
        using Azure.Storage.Blobs;
        using ImageMagick;
        using LazyMigrate;

        public static class Program
        {
            public static void Main(string[] args)
            {
                LazyLoading.MarkReady();
                Console.WriteLine({|LZM0005:Imaging.Blank|}.Width + args.Length);
                Console.WriteLine({|LZM0005:Storage.Client()|}.GetBlobContainerClient("photos"));
            }

            public static void UseMagickImage()
            {
            }
        }
        """ + Helpers,
        """
        using System;
        using System.Runtime.CompilerServices;
        using Azure.Storage.Blobs;
        using ImageMagick;
        using LazyMigrate;

        public static class Program
        {
            public static void Main(string[] args)
            {
                LazyLoading.MarkReady();
                UseMagickImageAndBlobServiceClient(args);
            }

            public static void UseMagickImage()
            {
            }

            [MethodImpl(MethodImplOptions.NoInlining)]
            private static void UseMagickImageAndBlobServiceClient(string[] args)
            {
                Console.WriteLine(Imaging.Blank.Width + args.Length);
                Console.WriteLine(Storage.Client().GetBlobContainerClient("photos"));
            }
        }
        """ + Helpers,
        runtime: true,
        OutputKind.ConsoleApplication);
}
