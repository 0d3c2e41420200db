using System;
using System.Collections.Generic;
using System.IO;

namespace LazyMigrate.StartupHarness.Tests;

public sealed class DiRegistrationEvidenceTests
{
    [Fact]
    public void Registered_service_types_are_read_from_factory_and_generic_registrations()
    {
        var file = Path.Combine(Path.GetTempPath(), $"lazymigrate-di-{Guid.NewGuid():N}.cs");
        File.WriteAllText(file, """
            builder.Services.AddSingleton(sp => new VisionClient(seed: 1));
            builder.Services.AddSingleton(sp => new Contoso.Storage.ArchiveClient("x"));
            builder.Services.AddSingleton<OrderBook>();
            builder.Services.AddTransient<IClock, Clock>();
            builder.Services.AddHostedService<OrderBookRefresher>();
            builder.Services.AddDbContext<CatalogDb>(options => options.UseSqlite("Data Source=app.db"));
            """);
        try
        {
            Assert.Equal(new[] { "VisionClient", "ArchiveClient", "OrderBook", "IClock", "CatalogDb" }, DiRegistrationEvidence.RegisteredTypes(file));
        }
        finally
        {
            File.Delete(file);
        }

        Assert.Empty(DiRegistrationEvidence.RegisteredTypes(file));
    }

    [Fact]
    public void Defining_assemblies_come_from_the_build_output_metadata()
    {
        // The test's own output folder: the harness assembly and xunit, plus native and non-assembly files.
        var found = DiRegistrationEvidence.DefiningAssemblies(AppContext.BaseDirectory, new[] { "DiRegistrationEvidenceTests", "FactAttribute", "NoSuchTypeAnywhere" });

        Assert.Equal(new[] { "LazyMigrate.StartupHarness.Tests" }, found["DiRegistrationEvidenceTests"]);
        Assert.Equal(new[] { "xunit.core" }, found["FactAttribute"]);
        Assert.False(found.ContainsKey("NoSuchTypeAnywhere"));

        // A type deriving from a package's type needs that package's assembly too (an app's DbContext and EF Core).
        Assert.Equal(
            new[] { "LazyMigrate.StartupHarness.Tests", "xunit.core" },
            DiRegistrationEvidence.DefiningAssemblies(AppContext.BaseDirectory, new[] { nameof(FactStandIn) })[nameof(FactStandIn)]);

        // Internal types are not service types another assembly could register.
        Assert.Empty(DiRegistrationEvidence.DefiningAssemblies(AppContext.BaseDirectory, new[] { "HarnessOptions" }).Keys);
    }

    [Fact]
    public void A_package_is_explained_only_when_a_registered_type_is_defined_in_it_and_Main_loaded_it()
    {
        var heavy = new Dictionary<string, string>
        {
            ["Contoso.Vision"] = "Contoso.Vision.Data, Contoso.Vision.Core",
            ["Contoso SDK"] = "Contoso.Storage",
            ["Contoso.Orm"] = "Contoso.Orm",
            ["Contoso.Codec"] = "Contoso.Codec, libcodec.so",
        };
        var triggers = new Dictionary<string, string>
        {
            ["Contoso.Vision.Data"] = "Program+<<Main>$>d__0.MoveNext",
            ["Contoso.Vision.Core"] = "Program+<<Main>$>d__0.MoveNext",
            ["Contoso.Storage"] = "Shop.StorageHandler..ctor",
            ["Contoso.Orm"] = "Program+<<Main>$>d__0.MoveNext",
            ["Contoso.Codec"] = "Program+<<Main>$>d__0.MoveNext",
        };
        var defining = new Dictionary<string, List<string>>
        {
            ["VisionClient"] = new() { "Contoso.Vision.Data" },
            ["ArchiveClient"] = new() { "Contoso.Storage" },
            ["CodecOptions"] = new() { "Contoso.Codec" },
            ["OrderBook"] = new() { "Shop" },
        };

        var explained = DiRegistrationEvidence.Explain(heavy, triggers, new[] { "VisionClient", "ArchiveClient", "CodecOptions", "OrderBook" }, defining);

        Assert.Equal("VisionClient", explained["Contoso.Vision"]);
        Assert.Null(explained["Contoso SDK"]); // registered, but loaded by other code
        Assert.Null(explained["Contoso.Orm"]); // loaded by Main, but no registered type is defined in it
        Assert.Null(explained["Contoso.Codec"]); // its native library loaded too: code of the package ran

        // Without the build output's evidence nothing is explained, whatever the registrations are called.
        Assert.All(DiRegistrationEvidence.Explain(heavy, triggers, new[] { "VisionClient" }, new Dictionary<string, List<string>>()).Values, Assert.Null);
    }
}

/// <summary>A public type whose base type lives in another assembly (xunit's), as an app's DbContext subclass does.</summary>
public class FactStandIn : FactAttribute
{
}
