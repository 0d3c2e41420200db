using System.Threading.Tasks;
using LazyMigrate.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace LazyMigrate.Analyzers.Tests.Rules;

/// <summary>LZM0001 on static initialization that reaches heavy work through the project's own code.</summary>
public sealed class LZM0001ReachTests
{
    private const string PhotoDb = """
        using Microsoft.EntityFrameworkCore;
        sealed class PhotoDb : DbContext
        {
            public PhotoDb(DbContextOptions options) : base(options) { }
            public void EnsureCreated() { }
        }
        """;

    [Fact]
    public Task Reports_a_field_initializer_that_opens_a_database_through_a_private_method() =>
        AnalyzerTestBuilder.Create().WithSource(PhotoDb).WithSource("""
            using Microsoft.EntityFrameworkCore;
            static class Catalog
            {
                public const int PageSize = 20;
                public static readonly string Banner = "Photos";
                private static readonly PhotoDb Db = Open();

                private static PhotoDb Open()
                {
                    var options = new DbContextOptionsBuilder().UseSqlite("Data Source=photos.db");
                    var db = new PhotoDb(new DbContextOptions());
                    db.EnsureCreated();
                    return db;
                }
            }
            """)
            .Expect(new DiagnosticResult("LZM0001", DiagnosticSeverity.Warning)
                .WithSpan("/0/Test1.cs", 6, 42, 6, 48)
                // The options builder only records settings (a catalog configuration type): the context is the heavy object.
                .WithArguments("PhotoDb", "Microsoft.EntityFrameworkCore", "created by a static field initializer, through Open", "Catalog"))
            .ValidateAsync();

    [Fact]
    public Task Reports_a_property_getter_and_a_method_in_another_file() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using ImageMagick;
            static class Store
            {
                public static int Size => Measure();
                private static int Measure() => new MagickImage("logo.png").Width;
            }
            """).WithSource("""
            static class Banner
            {
                public static readonly int Width = {|LZM0001:Store.Size|} * 2;
            }
            """).ValidateAsync();

    [Fact]
    public Task Reports_a_static_constructor_calling_a_local_function_and_an_invoked_lambda() =>
        AnalyzerTestBuilder.Create().WithSource(PhotoDb).WithSource("""
            using System;
            using Microsoft.EntityFrameworkCore;
            static class Catalog
            {
                private static readonly PhotoDb Db;
                private static readonly PhotoDb Backup;
                static Catalog()
                {
                    Db = {|LZM0001:Make()|};
                    Func<PhotoDb> later = () => Make();
                    Backup = {|LZM0001:later()|};

                    static PhotoDb Make() => new PhotoDb(new DbContextOptions());
                }
            }
            """).ValidateAsync();

    [Fact]
    public Task Reports_construction_of_a_project_type_that_wraps_a_heavy_type() =>
        AnalyzerTestBuilder.Create().WithSource("""
            using Microsoft.ML.OnnxRuntime;
            sealed class Scorer
            {
                private readonly InferenceSession _session = new InferenceSession("model.onnx");
                public float[] Score(float[] input) => _session.Run(input);
            }
            static class Models
            {
                public static readonly Scorer Default = {|LZM0001:new Scorer()|};
            }
            """).ValidateAsync();

    [Fact]
    public Task DoesNotReport_lazy_initializers_or_project_calls_that_stay_light() =>
        AnalyzerTestBuilder.Create().WithSource(PhotoDb).WithSource("""
            using System;
            using Microsoft.EntityFrameworkCore;
            static class Catalog
            {
                public static readonly Lazy<PhotoDb> Db = new(Open);
                public static readonly Func<object> Factory = () => Open();
                public static readonly string Title = Describe(3);

                private static PhotoDb Open() => new PhotoDb(new DbContextOptions());
                private static string Describe(int pages) => pages > 1 ? Describe(pages - 1) + "." : "Photos";
            }
            """).ValidateAsync();
}
