using System;
using System.Runtime.CompilerServices;
using System.Threading;

namespace LazyMigrate;

/// <summary>
/// The typed variant of <see cref="LazyValue"/> for places where naming <typeparamref name="T"/>
/// is fine (instance fields, locals, types that are not on a startup path). A static field of this
/// type in a startup class loads <typeparamref name="T"/>'s assembly with the class: use
/// <see cref="LazyValue"/> there.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class LazyValue<T>
{
    private readonly LazyValue _inner;

    // Typed copy of the built value, so the hot path needs no type check. For a reference T the
    // copy itself is the "built" signal: it is published with a release write after the value is
    // complete, so a non-null read is one load and a null test (one load fewer than Lazy<T>, which
    // reads a state field first). A null result keeps the copy null and takes the slow path, which
    // answers from the inner value without running the factory again. A value-type T cannot be
    // null-tested, so it keeps a published flag.
    private T _value = default!;
    private volatile bool _hasValue;

    /// <summary>Declares a value not bound to any package.</summary>
    /// <param name="factory">Builds the value.</param>
    /// <param name="declaringFile">Filled in by the compiler.</param>
    /// <param name="declaringLine">Filled in by the compiler.</param>
    /// <param name="declaringMember">Filled in by the compiler.</param>
    public LazyValue(Func<T> factory,
        [CallerFilePath] string declaringFile = "", [CallerLineNumber] int declaringLine = 0, [CallerMemberName] string declaringMember = "")
    {
        ArgumentNullException.ThrowIfNull(factory);
        _inner = new LazyValue(() => factory()!, declaringFile, declaringLine, declaringMember);
    }

    /// <summary>Declares a value bound to a package looked up by name at first access.</summary>
    /// <param name="packageName">Package name.</param>
    /// <param name="factory">Builds the value.</param>
    /// <param name="declaringFile">Filled in by the compiler.</param>
    /// <param name="declaringLine">Filled in by the compiler.</param>
    /// <param name="declaringMember">Filled in by the compiler.</param>
    public LazyValue(string packageName, Func<T> factory,
        [CallerFilePath] string declaringFile = "", [CallerLineNumber] int declaringLine = 0, [CallerMemberName] string declaringMember = "")
    {
        ArgumentNullException.ThrowIfNull(factory);
        _inner = new LazyValue(packageName, () => factory()!, declaringFile, declaringLine, declaringMember);
    }

    /// <summary>Declares a value bound to a package object.</summary>
    /// <param name="package">The package loaded before the factory runs.</param>
    /// <param name="factory">Builds the value.</param>
    /// <param name="declaringFile">Filled in by the compiler.</param>
    /// <param name="declaringLine">Filled in by the compiler.</param>
    /// <param name="declaringMember">Filled in by the compiler.</param>
    public LazyValue(LazyPackage package, Func<T> factory,
        [CallerFilePath] string declaringFile = "", [CallerLineNumber] int declaringLine = 0, [CallerMemberName] string declaringMember = "")
    {
        ArgumentNullException.ThrowIfNull(factory);
        _inner = new LazyValue(package, () => factory()!, declaringFile, declaringLine, declaringMember);
    }

    /// <summary>The value, built on first access.</summary>
    /// <exception cref="LazyLoadException">The package or the factory failed.</exception>
    public T Value
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if (!typeof(T).IsValueType)
            {
                // typeof(T).IsValueType is a JIT-time constant: only one of the two branches is compiled.
                // Reinterpreting T as object is exact here: T is a reference type in this branch.
                var value = Volatile.Read(ref Unsafe.As<T, object?>(ref _value));
                return value is not null ? Unsafe.As<object, T>(ref value) : GetSlow();
            }

            return _hasValue ? _value : GetSlow();
        }
    }

    /// <summary>True once the factory completed.</summary>
    public bool IsValueCreated => _inner.IsValueCreated;

    /// <summary>The untyped lazy value behind this one (status, sites, retry settings).</summary>
    public LazyValue Untyped => _inner;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private T GetSlow()
    {
        var value = _inner.Get<T>();
        if (typeof(T).IsValueType)
        {
            _value = value;
            _hasValue = true;
        }
        else if (value is not null)
        {
            Volatile.Write(ref Unsafe.As<T, object?>(ref _value), value);
        }

        return value;
    }

    /// <summary>Forgets a failed build so the next access retries at once.</summary>
    /// <returns>True when a failure was cleared.</returns>
    public bool Reset() => _inner.Reset();
}
