using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LazyMigrate.AspNetCore.Tests;

public sealed class LazyServiceTests
{
    private static readonly ServiceProviderOptions s_strict = new() { ValidateOnBuild = true, ValidateScopes = true };

    [Fact]
    public void Builds_nothing_until_first_use_and_builds_once_under_contention()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ConstructionCounter>();

        // Transient on purpose: every resolution would build a new instance, so "once" is the wrapper's doing.
        services.AddTransient<ExpensiveService>();
        services.AddSingleton<StartupPathService>();
        services.AddLazyServices();
        using var provider = services.BuildServiceProvider(s_strict);
        var counter = provider.GetRequiredService<ConstructionCounter>();
        Assert.Equal(0, counter.Count);

        var consumer = provider.GetRequiredService<StartupPathService>();
        Assert.Equal(0, counter.Count);
        Assert.False(consumer.Expensive.IsValueCreated);

        const int threads = 64;
        var results = new ExpensiveService[threads];
        using var start = new Barrier(threads);
        var workers = Enumerable.Range(0, threads).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            results[i] = consumer.Expensive.Value;
        })).ToList();
        workers.ForEach(t => t.Start());
        workers.ForEach(t => t.Join());

        Assert.Equal(1, counter.Count);
        Assert.All(results, r => Assert.Same(results[0], r));
        Assert.True(consumer.Expensive.IsValueCreated);
        Assert.Same(results[0], consumer.Expensive.Value);
        Assert.Equal(1, counter.Count);
    }

    [Fact]
    public void A_failed_resolution_is_not_cached_and_the_next_access_retries()
    {
        var services = new ServiceCollection();
        services.AddSingleton(new ConstructionCounter { FailuresLeft = 1 });
        services.AddTransient<ExpensiveService>();
        services.AddLazyServices();
        using var provider = services.BuildServiceProvider(s_strict);
        var lazy = provider.GetRequiredService<ILazyService<ExpensiveService>>();

        var error = Assert.Throws<InvalidOperationException>(() => lazy.Value);
        Assert.Contains("transient failure", error.Message, StringComparison.Ordinal);
        Assert.False(lazy.IsValueCreated);

        var value = lazy.Value;
        Assert.Same(value, lazy.Value);
        Assert.Equal(2, provider.GetRequiredService<ConstructionCounter>().Count);
    }

    [Fact]
    public void Scoped_services_resolve_from_the_consumers_scope_and_scope_validation_still_applies()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ConstructionCounter>();
        services.AddScoped<ExpensiveService>();
        services.AddLazyServices();
        using var provider = services.BuildServiceProvider(s_strict);

        using (var scope = provider.CreateScope())
        {
            var lazy = scope.ServiceProvider.GetRequiredService<ILazyService<ExpensiveService>>();
            Assert.Same(scope.ServiceProvider.GetRequiredService<ExpensiveService>(), lazy.Value);
        }

        // From the root, a scoped service is refused exactly as it would be without the wrapper.
        var fromRoot = provider.GetRequiredService<ILazyService<ExpensiveService>>();
        Assert.Throws<InvalidOperationException>(() => fromRoot.Value);
    }

    [Fact]
    public void AddLazyServices_is_idempotent()
    {
        var services = new ServiceCollection();
        services.AddLazyServices();
        services.AddLazyServices();
        services.AddLazyLoading();
        Assert.Single(services, d => d.ServiceType == typeof(ILazyService<>));
    }

    [Fact]
    public async Task In_a_web_app_with_ValidateOnBuild_a_request_builds_the_service_only_when_it_uses_it()
    {
        await using var app = await KestrelTestApp.StartAsync(
            builder =>
            {
                builder.Host.UseDefaultServiceProvider(options =>
                {
                    options.ValidateOnBuild = true;
                    options.ValidateScopes = true;
                });
                builder.Services.AddLazyLoading(options => options.Enabled = false);
                builder.Services.AddSingleton<ConstructionCounter>();
                builder.Services.AddScoped<ExpensiveService>();
            },
            web =>
            {
                web.MapGet("/skip", (ILazyService<ExpensiveService> lazy, ConstructionCounter counter) => counter.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                web.MapGet("/use", (ILazyService<ExpensiveService> lazy, ConstructionCounter counter) =>
                {
                    var first = lazy.Value;
                    var second = lazy.Value;
                    return ReferenceEquals(first, second) ? counter.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) : "different instances";
                });
            });

        Assert.Equal("0", await app.Client.GetStringAsync("/skip"));
        Assert.Equal("1", await app.Client.GetStringAsync("/use"));
        Assert.Equal("1", await app.Client.GetStringAsync("/skip"));
        Assert.Equal("2", await app.Client.GetStringAsync("/use"));
    }

    public sealed class ConstructionCounter
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public int FailuresLeft { get; set; }

        public void Increment() => Interlocked.Increment(ref _count);
    }

    public sealed class ExpensiveService
    {
        public ExpensiveService(ConstructionCounter counter)
        {
            counter.Increment();
            if (counter.FailuresLeft > 0)
            {
                counter.FailuresLeft--;
                throw new InvalidOperationException("Simulated transient failure while building the expensive service.");
            }
        }
    }

    public sealed class StartupPathService
    {
        public StartupPathService(ILazyService<ExpensiveService> expensive) => Expensive = expensive;

        public ILazyService<ExpensiveService> Expensive { get; }
    }
}
