namespace LazyMigrate.AspNetCore;

/// <summary>
/// A dependency that is resolved from the container on first use of <see cref="Value"/>, not when
/// the consumer is constructed. Inject <c>ILazyService&lt;HeavyThing&gt;</c> into startup-path
/// services (controllers, hosted services, middleware) so building them does not build the heavy
/// dependency. Registered as an open generic by <c>AddLazyLoading</c> or <c>AddLazyServices</c>.
/// </summary>
/// <typeparam name="T">The service type; resolved with the lifetime it is registered with.</typeparam>
public interface ILazyService<out T>
    where T : notnull
{
    /// <summary>The service, resolved once on first access (thread-safe); later reads return the same instance.</summary>
    T Value { get; }

    /// <summary>Whether <see cref="Value"/> has been resolved.</summary>
    bool IsValueCreated { get; }
}
