using System.Threading.Tasks;
using LazyMigrate.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace LazyMigrate.Analyzers.Tests.Rules;

/// <summary>
/// LZM0005 on types the compiled code references without the source spelling them. Each program marks
/// ready first, so the statements after it are code whose load compiling Main does early.
/// </summary>
public sealed class LZM0005ImplicitMentionTests
{
    private const string Project = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Azure.Storage.Blobs;
        using ImageMagick;
        using Microsoft.ML.OnnxRuntime;
        static class Imaging
        {
            public static MagickImage Blank => new MagickImage();
            public static List<MagickImage> Frames => new List<MagickImage>();
            public static OrtTensorInfo Info;
            public static T Keep<T>(T value) => value;
            public static void Show(MagickImage image) { }
            public static Task<MagickImage> LoadAsync() => Task.FromResult<MagickImage>(null!);
        }
        sealed class Album
        {
            public MagickImage Cover => new MagickImage();
        }
        static class Storage
        {
            public static BlobServiceClient Client() => new BlobServiceClient("UseDevelopmentStorage=true");
        }
        """;

    private static Task Verify(string body, string beforeReady = "") =>
        AnalyzerTestBuilder.Create().AsConsoleApplication().WithSource(Project).WithSource("""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using ImageMagick;
            using LazyMigrate;
            static class Program
            {
                static async Task Main(string[] args)
                {

            """ + beforeReady + """

                    LazyLoading.MarkReady();

            """ + body + """

                    await Task.Yield();
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task Reports_the_type_of_a_property_read() => Verify("""
                Console.WriteLine({|LZM0005:Imaging.Blank|}.Width);
        """);

    [Fact]
    public Task Reports_a_struct_field_read_but_not_a_class_field_passed_on() => Verify("""
                Console.WriteLine({|LZM0005:Imaging.Info|}.Rank);
        """);

    [Fact]
    public Task Reports_the_return_type_of_a_called_method() => Verify("""
                Console.WriteLine({|LZM0005:Storage.Client()|}.GetBlobContainerClient("photos"));
        """);

    [Fact]
    public Task Reports_a_var_local_at_its_declarator() => Verify("""
                var {|LZM0005:client = Storage.Client()|};
                Console.WriteLine(client);
        """);

    [Fact]
    public Task Reports_an_inferred_generic_argument() => Verify("""
                Console.WriteLine({|LZM0005:Imaging.Keep(Imaging.Frames)|}.Count);
        """);

    [Fact]
    public Task Reports_a_target_typed_object_creation() => Verify("""
                Imaging.Show({|LZM0005:new()|});
        """);

    [Fact]
    public Task Reports_the_property_a_pattern_reads() => Verify(
        """
                if (album is { {|LZM0005:Cover|}.Width: > 0 }) { }
        """,
        """
                var album = new Album();
        """);

    [Fact]
    public Task Reports_a_heavy_local_captured_by_a_lambda() => Verify(
        """
                Func<int> rank = {|LZM0005:() => info.Rank|};
                Console.WriteLine(rank());
        """,
        """
                var info = Imaging.Info;
        """);

    [Fact]
    public Task Reports_the_awaited_type_held_by_the_state_machine() => Verify(
        """
                {|LZM0005:await pending|};
        """,
        """
                var pending = Imaging.LoadAsync();
        """);

    [Fact]
    public Task Reports_the_collection_type_of_a_foreach() => Verify(
        """
                foreach (object frame in {|LZM0005:frames|}) { }
        """,
        """
                var frames = Imaging.Frames;
        """);

    [Fact]
    public Task DoesNotReport_implicit_types_of_top_level_statements_before_the_ready_point() =>
        AnalyzerTestBuilder.Create().AsConsoleApplication().WithSource(Project).WithSource("""
            using System;
            using LazyMigrate;
            static class Program
            {
                static void Main(string[] args)
                {
                    Console.WriteLine(Imaging.Frames.Count);
                    if (args.Length > 0)
                    {
                        Console.WriteLine({|LZM0005:Imaging.Frames|}.Count);
                    }

                    LazyLoading.MarkReady();
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task DoesNotReport_a_package_registration_whose_own_assembly_is_the_heavy_one() =>
        AnalyzerTestBuilder.Create().AsConsoleApplication().WithSource("""
            using Microsoft.EntityFrameworkCore;
            using Microsoft.Extensions.DependencyInjection;
            sealed class PhotoDb : DbContext { }
            static class Program
            {
                static void Main()
                {
                    var services = new ServiceCollection();
                    services.AddDbContext<PhotoDb>(options => options.UseSqlite("Data Source=photos.db"));
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task Says_how_to_mark_ready_when_Main_has_no_ready_point() =>
        AnalyzerTestBuilder.Create().AsConsoleApplication().WithSource(Project).WithSource("""
            using System;
            static class Program
            {
                static void Main(string[] args)
                {
                    if (args.Length > 0)
                    {
                        Console.WriteLine(Imaging.Frames.Count);
                    }
                }
            }
            """)
            .Expect(new DiagnosticResult("LZM0005", DiagnosticSeverity.Info)
                .WithSpan("/0/Test1.cs", 8, 31, 8, 45)
                .WithArguments("MagickImage", "Magick.NET", "Program.Main", "; Program.Main has no ready point, so all of it counts as startup: call LazyLoading.MarkReady() where the app is ready to use (or name your own ready method in lazymigrate.ready_methods)"))
            .ValidateAsync();
}
