using System;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace LazyMigrate.AspNetCore.Tests;

public sealed class HealthCheckTests
{
    [Fact]
    public async Task Only_priority_1_failures_degrade_and_not_yet_loaded_packages_are_fine_when_preloading_is_off()
    {
        var registry = new LazyPackageRegistry();
        HeavyPackages.RegisterMagick(registry, 1);
        HeavyPackages.RegisterMissing(registry, 2);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(registry);
        services.AddLazyLoading(options => options.Enabled = false);
        services.AddHealthChecks().AddLazyLoadingHealthCheck();
        using var provider = services.BuildServiceProvider();
        var health = provider.GetRequiredService<HealthCheckService>();

        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Status);

        // A priority-2 failure does not degrade.
        Assert.Throws<LazyLoadException>(() => registry.Get(HeavyPackages.Missing).EnsureLoaded());
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Status);

        // A priority-1 failure does, with the package and reason in the description.
        HeavyPackages.RegisterNetVips(registry, 1);
        Assert.Throws<LazyLoadException>(() => registry.Get(HeavyPackages.NetVips).EnsureLoaded());
        var report = await health.CheckHealthAsync();
        var entry = report.Entries[LazyLoadingHealthChecksBuilderExtensions.DefaultName];
        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.Equal("Priority-1 lazy packages not ready: NetVips failed: warm-up failed (DllNotFoundException)", entry.Description);
        Assert.Equal("Failed", entry.Data[HeavyPackages.NetVips]);

        // A health endpoint is often public: no source paths (the package's error has them) and no local directories.
        Assert.Contains(".cs:", registry.Get(HeavyPackages.NetVips).LastError, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs:", entry.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("/", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_preloading_on_a_priority_1_package_not_loaded_yet_is_degraded_until_it_loads()
    {
        var registry = new LazyPackageRegistry();
        HeavyPackages.RegisterMagick(registry, 1);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(registry);
        services.AddLazyLoading();
        services.AddHealthChecks().AddLazyLoadingHealthCheck();
        using var provider = services.BuildServiceProvider();
        var health = provider.GetRequiredService<HealthCheckService>();

        var before = await health.CheckHealthAsync();
        Assert.Equal(HealthStatus.Degraded, before.Status);
        Assert.Contains("Magick.NET is NotLoaded", before.Entries[LazyLoadingHealthChecksBuilderExtensions.DefaultName].Description, StringComparison.Ordinal);

        await registry.Get(HeavyPackages.Magick).EnsureLoadedAsync();
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Status);
    }
}
