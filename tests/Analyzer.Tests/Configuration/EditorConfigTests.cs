using System.Threading.Tasks;
using LazyMigrate.Analyzers.Tests.Infrastructure;

namespace LazyMigrate.Analyzers.Tests.Configuration;

/// <summary>The lazymigrate.* keys of .editorconfig and global config (docs/configuration.md).</summary>
public sealed class EditorConfigTests
{
    private const string VendorStatics = """
        using Contoso.Vision;
        using Contoso.Vision.Models;
        class Holder
        {
            static readonly Detector D = [|new Detector()|];
            static readonly Light L = [|new Light()|];
            static readonly FaceModel F = [|new FaceModel()|];
        }
        """;

    [Fact]
    public Task Heavy_types_adds_exact_types_and_namespace_prefixes() =>
        AnalyzerTestBuilder.Create()
            .WithEditorConfig("lazymigrate.heavy_types = Contoso.Vision.Detector, Contoso.Vision.Models.*")
            .WithSource(VendorStatics.Replace("[|new Detector()|]", "{|LZM0001:new Detector()|}").Replace("[|new FaceModel()|]", "{|LZM0001:new FaceModel()|}").Replace("[|new Light()|]", "new Light()"))
            .ValidateAsync();

    [Fact]
    public Task Heavy_assemblies_adds_assemblies_by_prefix() =>
        AnalyzerTestBuilder.Create()
            .WithEditorConfig("lazymigrate.heavy_assemblies = Contoso.*")
            .WithSource(VendorStatics.Replace("[|", "{|LZM0001:"))
            .ValidateAsync();

    [Fact]
    public Task Without_configuration_vendor_types_are_not_heavy() =>
        AnalyzerTestBuilder.Create()
            .WithSource(VendorStatics.Replace("[|", string.Empty).Replace("|]", string.Empty))
            .ValidateAsync();

    [Fact]
    public Task Heavy_types_can_make_a_System_type_heavy() =>
        AnalyzerTestBuilder.Create()
            .WithEditorConfig("lazymigrate.heavy_types = System.Net.Http.HttpClient")
            .WithSource("""
                class Holder
                {
                    static readonly System.Net.Http.HttpClient Client = {|LZM0001:new System.Net.Http.HttpClient()|};
                    static readonly System.Text.StringBuilder Builder = new();
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Not_heavy_assemblies_removes_catalog_entries_by_package_or_assembly_name() =>
        AnalyzerTestBuilder.Create()
            .WithEditorConfig("lazymigrate.not_heavy_assemblies = Magick.NET, Microsoft.Data.Sqlite")
            .WithSource("""
                class Holder
                {
                    static readonly ImageMagick.MagickImage Image = new ImageMagick.MagickImage();
                    static readonly Microsoft.Data.Sqlite.SqliteConnection Connection = new("x");
                    static readonly Microsoft.EntityFrameworkCore.DbContext Db = {|LZM0001:new Microsoft.EntityFrameworkCore.DbContext()|};
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Startup_methods_adds_methods_and_type_wildcards() =>
        AnalyzerTestBuilder.Create()
            .WithEditorConfig("lazymigrate.startup_methods = MyApp.Bootstrap.Init, MyApp.Workers.*")
            .WithSource("""
                namespace MyApp
                {
                    static class Bootstrap
                    {
                        public static void Init() => {|LZM0002:ImageMagick.MagickNET.Initialize()|};
                        public static void NotStartup() => ImageMagick.MagickNET.Initialize();
                    }
                }
                namespace MyApp.Workers
                {
                    class Scheduler { public void Run() { var image = {|LZM0002:new ImageMagick.MagickImage()|}; } }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Ready_methods_end_the_startup_phase() =>
        AnalyzerTestBuilder.Create()
            .WithEditorConfig("lazymigrate.ready_methods = MyApp.Signals.Ready")
            .WithSource("""
                namespace MyApp
                {
                    static class Signals { public static void Ready() { } }
                    static class Program
                    {
                        static void Main()
                        {
                            {|LZM0002:ImageMagick.MagickNET.Initialize()|};
                            Signals.Ready();
                            ImageMagick.{|LZM0005:MagickNET|}.Initialize();
                        }
                    }
                }
                """)
            .ValidateAsync();

    [Fact]
    public Task Global_config_works_like_editorconfig() =>
        AnalyzerTestBuilder.Create()
            .WithGlobalConfig("lazymigrate.heavy_types = Contoso.Vision.Light")
            .WithSource(VendorStatics.Replace("[|new Light()|]", "{|LZM0001:new Light()|}").Replace("[|", string.Empty).Replace("|]", string.Empty))
            .ValidateAsync();

    // Raising a severity (e.g. to error) is checked by the real-build test (tests/Analyzer.RealBuild/.editorconfig):
    // the test framework does not apply raised severities from analyzer config files.
    [Fact]
    public Task Severity_none_disables_a_rule() =>
        AnalyzerTestBuilder.Create()
            .WithEditorConfig("dotnet_diagnostic.LZM0001.severity = none")
            .WithSource("""
                class Holder { static readonly ImageMagick.MagickImage Image = new ImageMagick.MagickImage(); }
                """)
            .ValidateAsync();

    [Fact]
    public Task Malformed_items_are_ignored_and_valid_ones_still_apply() =>
        AnalyzerTestBuilder.Create()
            .WithEditorConfig("lazymigrate.heavy_types = ,, Contoso..Vision, ***, .*, Contoso.Vision.Detector ;; <bad>")
            .WithEditorConfig("lazymigrate.heavy_assemblies = *, ?!, ")
            .WithEditorConfig("lazymigrate.startup_methods = ...")
            .WithSource(VendorStatics.Replace("[|new Detector()|]", "{|LZM0001:new Detector()|}").Replace("[|", string.Empty).Replace("|]", string.Empty))
            .ValidateAsync();

    [Fact]
    public Task Assembly_attribute_marks_an_assembly_heavy() =>
        AnalyzerTestBuilder.Create()
            .WithSource("[assembly: LazyMigrate.HeavyAssembly(\"Contoso.Vision\")]")
            .WithSource(VendorStatics.Replace("[|", "{|LZM0001:"))
            .ValidateAsync();

    // The attribute is read only when some file mentions HeavyAssembly; an alias declared in another file counts.
    [Fact]
    public Task Assembly_attribute_through_a_global_alias_in_another_file_marks_an_assembly_heavy() =>
        AnalyzerTestBuilder.Create()
            .WithSource("global using Marker = LazyMigrate.HeavyAssemblyAttribute;")
            .WithSource("[assembly: Marker(\"Contoso.Vision\")]")
            .WithSource(VendorStatics.Replace("[|", "{|LZM0001:"))
            .ValidateAsync();

    [Fact]
    public Task Other_assembly_attributes_do_not_mark_anything_heavy() =>
        AnalyzerTestBuilder.Create()
            .WithSource("[assembly: System.Reflection.AssemblyMetadata(\"Contoso.Vision\", \"x\")]")
            .WithSource(VendorStatics.Replace("[|", string.Empty).Replace("|]", string.Empty))
            .ValidateAsync();
}

