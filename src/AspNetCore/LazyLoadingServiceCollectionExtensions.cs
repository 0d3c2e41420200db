using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LazyMigrate.AspNetCore;

/// <summary>Registers the LazyMigrate hosting integration in a service collection.</summary>
public static class LazyLoadingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the package registry (<see cref="LazyPackageRegistry.Default"/> unless a
    /// <see cref="LazyPackageRegistry"/> singleton is registered too, before or after this call),
    /// <see cref="LazyLoadingOptions"/> validated at host start, the hosted background loader
    /// (which starts after the application has started) and the lazy DI wrapper
    /// <see cref="ILazyService{T}"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets options in code; runs after configuration binding.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddLazyLoading(this IServiceCollection services, Action<LazyLoadingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        var builder = services.AddOptions<LazyLoadingOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        builder.ValidateOnStart();

        // TryAdd: a registry the application registered itself wins (and so does one registered later).
        services.TryAddSingleton(_ => LazyPackageRegistry.Default);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LazyLoadingOptions>, LazyLoadingOptionsValidator>());
        services.AddHostedService<LazyLoadingHostedService>();
        services.AddLazyServices();
        return services;
    }

    /// <summary>
    /// Same as <see cref="AddLazyLoading(IServiceCollection, Action{LazyLoadingOptions}?)"/>, binding the
    /// options from configuration first. Pass the section itself
    /// (<c>builder.Configuration.GetSection("LazyLoading")</c>, bound as given whatever its name) or
    /// the configuration root, in which case its <c>LazyLoading</c> section
    /// (<see cref="LazyLoadingOptions.SectionName"/>) is used.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The <c>LazyLoading</c> section, or a root that contains it.</param>
    /// <param name="configure">Sets options in code; runs after configuration binding, so it wins.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddLazyLoading(this IServiceCollection services, IConfiguration configuration, Action<LazyLoadingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        // A section is bound as given (whatever its name); a root is searched for "LazyLoading".
        var section = configuration as IConfigurationSection ?? configuration.GetSection(LazyLoadingOptions.SectionName);

        // Bind before the code delegate so code wins over appsettings.json.
        services.AddOptions<LazyLoadingOptions>().Bind(section);
        return services.AddLazyLoading(configure);
    }

    /// <summary>
    /// Registers only the open-generic lazy wrapper: <see cref="ILazyService{T}"/> (transient,
    /// implemented by <see cref="LazyService{T}"/>), which resolves <c>T</c> on first use of
    /// <see cref="ILazyService{T}.Value"/>. Idempotent.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddLazyServices(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        // Transient: the wrapper must come from the consumer's own scope so T resolves with the
        // consumer's scope; the sharing of T itself follows T's registered lifetime.
        services.TryAdd(ServiceDescriptor.Transient(typeof(ILazyService<>), typeof(LazyService<>)));
        return services;
    }
}
