using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LazyMigrate.AspNetCore.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void Options_bind_from_the_LazyLoading_section_of_appsettings_json()
    {
        var directory = Directory.CreateTempSubdirectory("lazymigrate-aspnetcore-");
        try
        {
            var path = Path.Combine(directory.FullName, "appsettings.json");
            File.WriteAllText(path, """
                {
                  "LazyLoading": {
                    "Enabled": false,
                    "Eager": true,
                    "MaxParallelism": 4,
                    "DelayAfterReady": "00:00:02",
                    "MaxPriority": 2,
                    "SkipUnavailable": false,
                    "BuildValues": false,
                    "Packages": [ "Magick.NET", "Microsoft.ML.OnnxRuntime" ]
                  }
                }
                """);
            var builder = Host.CreateApplicationBuilder();
            builder.Configuration.AddJsonFile(path);
            builder.Services.AddSingleton(RegistryWithRealPackages());
            builder.Services.AddLazyLoading(builder.Configuration);
            using var host = builder.Build();

            var options = host.Services.GetRequiredService<IOptions<LazyLoadingOptions>>().Value;
            Assert.False(options.Enabled);
            Assert.True(options.Eager);
            Assert.Equal(4, options.MaxParallelism);
            Assert.Equal(TimeSpan.FromSeconds(2), options.DelayAfterReady);
            Assert.Equal(2, options.MaxPriority);
            Assert.False(options.SkipUnavailable);
            Assert.False(options.BuildValues);
            Assert.Equal(new[] { "Magick.NET", "Microsoft.ML.OnnxRuntime" }, options.Packages);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Code_configuration_wins_over_the_bound_section_and_a_section_binds_as_given()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Ops:Preloading:MaxParallelism"] = "3",
                ["Ops:Preloading:MaxPriority"] = "1",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton(RegistryWithRealPackages());
        services.AddLazyLoading(configuration.GetSection("Ops:Preloading"), options => options.MaxParallelism = 8);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<LazyLoadingOptions>>().Value;
        Assert.Equal(8, options.MaxParallelism);
        Assert.Equal(1, options.MaxPriority);
        Assert.True(options.Enabled);
    }

    [Fact]
    public async Task Invalid_options_stop_the_host_at_start_with_messages_naming_each_key()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LazyLoading:MaxParallelism"] = "0",
            ["LazyLoading:DelayAfterReady"] = "-00:00:01",
            ["LazyLoading:MaxPriority"] = "5",
            ["LazyLoading:Packages:0"] = "Magick.NET",
            ["LazyLoading:Packages:1"] = "Magik.NET",
        });
        builder.Services.AddSingleton(RegistryWithRealPackages());
        builder.Services.AddLazyLoading(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Equal(4, error.Failures.Count());
        Assert.Contains("LazyLoading:MaxParallelism must be between 1 and 64; got 0.", error.Failures);
        Assert.Contains(error.Failures, f => f.StartsWith("LazyLoading:DelayAfterReady must be between", StringComparison.Ordinal));
        Assert.Contains("LazyLoading:MaxPriority must be 1, 2 or 3; got 5.", error.Failures);
        Assert.Contains(error.Failures, f => f.Contains("'Magik.NET', which is not a registered package", StringComparison.Ordinal)
            && f.Contains("Registered: Magick.NET, Microsoft.ML.OnnxRuntime.", StringComparison.Ordinal));
    }

    [Fact]
    public void The_default_registry_is_used_unless_the_app_registers_its_own_before_or_after()
    {
        var plain = new ServiceCollection().AddLazyLoading();
        using (var provider = plain.BuildServiceProvider())
        {
            Assert.Same(LazyPackageRegistry.Default, provider.GetRequiredService<LazyPackageRegistry>());
        }

        var own = new LazyPackageRegistry();
        var before = new ServiceCollection();
        before.AddSingleton(own);
        before.AddLazyLoading();
        using (var provider = before.BuildServiceProvider())
        {
            Assert.Same(own, provider.GetRequiredService<LazyPackageRegistry>());
        }

        var after = new ServiceCollection();
        after.AddLazyLoading();
        after.AddSingleton(own);
        using (var provider = after.BuildServiceProvider())
        {
            Assert.Same(own, provider.GetRequiredService<LazyPackageRegistry>());
        }
    }

    [Fact]
    public void Calling_AddLazyLoading_twice_registers_one_loader()
    {
        var services = new ServiceCollection();
        services.AddLazyLoading();
        services.AddLazyLoading(options => options.MaxParallelism = 3);
        Assert.Single(services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(LazyLoadingHostedService));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<LazyLoadingOptions>));
    }

    private static LazyPackageRegistry RegistryWithRealPackages()
    {
        var registry = new LazyPackageRegistry();
        HeavyPackages.RegisterMagick(registry, 1);
        HeavyPackages.RegisterOnnx(registry, 2);
        return registry;
    }
}
