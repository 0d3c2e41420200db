using System.Collections.Generic;
using System.IO;

namespace LazyMigrate.StartupHarness.Tests;

public sealed class DiRegistrationEvidenceTests
{
    [Fact]
    public void Registered_service_types_are_read_from_factory_and_generic_registrations()
    {
        var file = Path.Combine(Path.GetTempPath(), $"lazymigrate-di-{System.Guid.NewGuid():N}.cs");
        File.WriteAllText(file, """
            builder.Services.AddSingleton(sp => new MLContext(seed: 1));
            builder.Services.AddSingleton(sp => new Azure.Storage.Blobs.BlobServiceClient("x"));
            builder.Services.AddSingleton<ProductCatalog>();
            builder.Services.AddTransient<IClock, Clock>();
            builder.Services.AddHostedService<CatalogCacheRefresher>();
            """);
        try
        {
            Assert.Equal(new[] { "MLContext", "BlobServiceClient", "ProductCatalog", "IClock" }, DiRegistrationEvidence.RegisteredTypes(file));
        }
        finally
        {
            File.Delete(file);
        }

        Assert.Empty(DiRegistrationEvidence.RegisteredTypes(file));
    }

    [Fact]
    public void A_package_is_explained_only_when_registered_and_first_loaded_by_Main()
    {
        var heavy = new Dictionary<string, string>
        {
            ["Microsoft.ML"] = "Microsoft.ML.Data, Microsoft.ML.Core",
            ["Azure SDK"] = "Azure.Storage.Blobs",
            ["Microsoft.EntityFrameworkCore"] = "Microsoft.EntityFrameworkCore",
        };
        var triggers = new Dictionary<string, string>
        {
            ["Microsoft.ML.Data"] = "Program+<<Main>$>d__0.MoveNext",
            ["Microsoft.ML.Core"] = "Program+<<Main>$>d__0.MoveNext",
            ["Azure.Storage.Blobs"] = "HeavyStartup.StorageHandler..ctor",
            ["Microsoft.EntityFrameworkCore"] = "Program+<<Main>$>d__0.MoveNext",
        };

        var explained = DiRegistrationEvidence.Explain(heavy, triggers, new[] { "MLContext", "BlobServiceClient" });

        Assert.Equal("MLContext", explained["Microsoft.ML"]);
        Assert.Null(explained["Azure SDK"]); // registered, but loaded by other code
        Assert.Null(explained["Microsoft.EntityFrameworkCore"]); // loaded by Main, but no registration names it
    }
}
