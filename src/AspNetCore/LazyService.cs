using System;
using Microsoft.Extensions.DependencyInjection;

namespace LazyMigrate.AspNetCore;

/// <summary>
/// The container's implementation of <see cref="ILazyService{T}"/>. Its only constructor
/// dependency is <see cref="IServiceProvider"/>, so <c>ValidateOnBuild</c> and
/// <c>ValidateScopes</c> accept it without building <typeparamref name="T"/>.
/// </summary>
/// <remarks>
/// Unlike <see cref="Lazy{T}"/>, a failed resolution is not cached: the next access tries again,
/// so a transient failure (a file not there yet, a database starting) does not stick forever.
/// </remarks>
/// <typeparam name="T">The service type.</typeparam>
public sealed class LazyService<T> : ILazyService<T>
    where T : notnull
{
    private readonly IServiceProvider _provider;
    private readonly object _gate = new();
    private volatile Box? _box;

    /// <summary>Creates the wrapper; resolves nothing.</summary>
    /// <param name="provider">The (scoped) provider the wrapper was resolved from; <typeparamref name="T"/> comes from it.</param>
    public LazyService(IServiceProvider provider)
    {
        _provider = provider ?? throw new ArgumentNullException(nameof(provider));
    }

    /// <inheritdoc />
    public T Value
    {
        get
        {
            var box = _box;
            return box is not null ? box.Value : Create();
        }
    }

    /// <inheritdoc />
    public bool IsValueCreated => _box is not null;

    private T Create()
    {
        lock (_gate)
        {
            // Another thread may have resolved it while this one waited for the lock.
            var box = _box;
            if (box is null)
            {
                box = new Box(_provider.GetRequiredService<T>());
                _box = box;
            }

            return box.Value;
        }
    }

    // A reference box so that a default(T) value type and "not created" are distinguishable
    // and publication is a single volatile write.
    private sealed class Box
    {
        public Box(T value) => Value = value;

        public T Value { get; }
    }
}
