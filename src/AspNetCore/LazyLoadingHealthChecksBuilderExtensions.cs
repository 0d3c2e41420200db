using System;
using System.Collections.Generic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LazyMigrate.AspNetCore;

/// <summary>Registers <see cref="LazyLoadingHealthCheck"/>.</summary>
public static class LazyLoadingHealthChecksBuilderExtensions
{
    /// <summary>The default name of the health check.</summary>
    public const string DefaultName = "lazy-loading";

    /// <summary>
    /// Adds <see cref="LazyLoadingHealthCheck"/>: Degraded while priority-1 packages load or failed,
    /// Healthy once they loaded. Uses the registry and options <c>AddLazyLoading</c> registers (else
    /// <see cref="LazyPackageRegistry.Default"/> and default options).
    /// </summary>
    /// <param name="builder">The health checks builder (<c>services.AddHealthChecks()</c>).</param>
    /// <param name="name">The check's name; default <see cref="DefaultName"/>.</param>
    /// <param name="tags">Tags to filter checks by endpoint (e.g. "ready").</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static IHealthChecksBuilder AddLazyLoadingHealthCheck(this IHealthChecksBuilder builder, string name = DefaultName, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Works on its own too: falls back to the default registry and default options.
        builder.Services.TryAddSingleton(_ => LazyPackageRegistry.Default);
        return builder.AddCheck<LazyLoadingHealthCheck>(name, failureStatus: HealthStatus.Degraded, tags: tags ?? Array.Empty<string>());
    }
}
