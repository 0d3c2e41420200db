using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LazyMigrate.AspNetCore;

/// <summary>Maps the lazy-loading status endpoint.</summary>
public static class LazyLoadingEndpointRouteBuilderExtensions
{
    /// <summary>The default route of the status endpoint: a debug path, not an API route an app would serve to users.</summary>
    public const string DefaultPattern = "/api/debug/lazy-loading-status";

    /// <summary>
    /// Maps a GET endpoint returning the registry's status snapshot as JSON: overall progress, per
    /// package its state, load time, error message, priority, trigger and next retry time, and per lazy
    /// value its declaration site, state, build time, error, first-use site and next retry time.
    /// </summary>
    /// <remarks>
    /// The snapshot reveals internals (package names and versions in use, error messages with file
    /// paths and source locations). Outside development, protect it:
    /// <c>app.MapLazyLoadingStatus().RequireAuthorization("Ops")</c>, or do not map it.
    /// </remarks>
    /// <param name="endpoints">The route builder (a <c>WebApplication</c>).</param>
    /// <param name="pattern">The route; default <see cref="DefaultPattern"/>.</param>
    /// <returns>A builder to add conventions such as <c>RequireAuthorization</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="pattern"/> is empty.</exception>
    public static IEndpointConventionBuilder MapLazyLoadingStatus(this IEndpointRouteBuilder endpoints, string pattern = DefaultPattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (string.IsNullOrWhiteSpace(pattern))
        {
            throw new ArgumentException("The status endpoint needs a route pattern, e.g. \"" + DefaultPattern + "\".", nameof(pattern));
        }

        return endpoints
            .MapGet(pattern, WriteStatusAsync)
            .WithDisplayName("LazyMigrate lazy-loading status");
    }

    private static Task WriteStatusAsync(HttpContext context)
    {
        var registry = context.RequestServices.GetService<LazyPackageRegistry>() ?? LazyPackageRegistry.Default;

        // The snapshot changes from one request to the next: never cache it.
        context.Response.Headers.CacheControl = "no-store";

        // Source-generated metadata from the runtime: camelCase, states as strings, trimming-safe;
        // relaxed escaping keeps quotes and angle brackets in error messages readable.
        return Results.Json(registry.GetStatus(), LazyLoadingJsonContext.Relaxed.LazyLoadingStatus).ExecuteAsync(context);
    }
}
