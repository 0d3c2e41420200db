using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace LazyMigrate.AspNetCore;

/// <summary>
/// Reports <see cref="HealthStatus.Degraded"/> while a priority-1 package selected for preloading
/// is not loaded yet, failed, or is missing from the application, and <see cref="HealthStatus.Healthy"/>
/// once all of them loaded. Never Unhealthy: the app serves requests either way; a missing package
/// only makes the features that need it fail. Register with <c>AddLazyLoadingHealthCheck()</c>.
/// </summary>
/// <remarks>
/// <para>Watched: the packages of the registry's status, i.e. those the app registered, those its
/// lazy values name and catalog packages the app contains; a package of the app's own that is not
/// present degrades. Catalog entries the app neither contains nor names are ignored. With preloading
/// disabled (<see cref="LazyLoadingOptions.Enabled"/> false) a package that has not loaded yet is
/// expected (it loads on first access) and only failures and missing packages degrade.</para>
/// <para>The description names the failed step and the exception type, never the full error: a
/// health endpoint is often public, and the error holds source paths. The full error is in the
/// status endpoint and the logs.</para>
/// </remarks>
public sealed class LazyLoadingHealthCheck : IHealthCheck
{
    /// <summary>The priority whose packages the check watches.</summary>
    public const int WatchedPriority = 1;

    private readonly LazyPackageRegistry _registry;
    private readonly LazyLoadingOptions _options;
    private readonly LazyLoadingSelection _selection;

    /// <summary>Creates the check (the container does this).</summary>
    /// <param name="registry">The registry to inspect.</param>
    /// <param name="options">The options that select the preloaded packages.</param>
    public LazyLoadingHealthCheck(LazyPackageRegistry registry, IOptions<LazyLoadingOptions> options)
    {
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _options = options?.Value ?? throw new ArgumentNullException(nameof(options));
        _selection = new LazyLoadingSelection(_options);
    }

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = _registry.GetStatus();
        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["percentage"] = status.Progress.Percentage,
        };
        var failed = new List<string>();
        var pending = new List<string>();
        foreach (var package in status.Packages)
        {
            if (package.Priority != WatchedPriority || !_selection.Contains(package.Name, package.Priority))
            {
                continue;
            }

            if (package.State == LazyPackageState.NotLoaded && !_options.Enabled)
            {
                continue;
            }

            data[package.Name] = package.State.ToString();
            switch (package.State)
            {
                case LazyPackageState.Loaded:
                    break;
                case LazyPackageState.Failed:
                    failed.Add($"{package.Name} failed: {package.FailedComponent ?? "load"} failed{Cause(package.Name)}");
                    break;
                case LazyPackageState.NotPresent:
                    failed.Add($"{package.Name} is not present in the application");
                    break;
                default:
                    pending.Add($"{package.Name} is {package.State}");
                    break;
            }
        }

        if (failed.Count == 0 && pending.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Healthy("Priority-1 lazy packages are loaded.", data));
        }

        failed.AddRange(pending);
        return Task.FromResult(HealthCheckResult.Degraded("Priority-1 lazy packages not ready: " + string.Join("; ", failed), data: data));
    }

    /// <summary>" (ExceptionType)" of the original failure: tells a missing file from a crash without revealing paths.</summary>
    private string Cause(string name)
    {
        if (!_registry.TryGet(name, out var package) || package.LastFailure?.InnerException is not { } inner)
        {
            return string.Empty;
        }

        return $" ({inner.GetType().Name})";
    }
}
