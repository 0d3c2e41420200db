using System;

namespace LazyMigrate;

/// <summary>
/// Disposes a <see cref="LazyValue"/>'s value when the guard is disposed, if and only if the value was
/// built by then; an unbuilt value is left unbuilt. Made for <c>using</c>: the LZM0002 fix turns
/// <c>using var session = new InferenceSession(..);</c> into a lazy value plus
/// <c>using var sessionGuard = s_session.DisposalGuard();</c>, so the session is disposed where it
/// was before, but is never created just to be disposed.
/// </summary>
/// <remarks>
/// A struct, so a <c>using</c> of it allocates nothing (the compiler calls <see cref="Dispose"/>
/// without boxing). A value whose build is still running on another thread when the guard is
/// disposed counts as not built and is not disposed.
/// </remarks>
public readonly struct LazyValueDisposalGuard : IDisposable
{
    private readonly LazyValue? _value;

    internal LazyValueDisposalGuard(LazyValue value) => _value = value;

    /// <summary>Disposes the value if it was built and is <see cref="IDisposable"/>; otherwise does nothing.</summary>
    public void Dispose()
    {
        // Reading Value after IsValueCreated returns the stored value: it does not build anything.
        if (_value is { IsValueCreated: true } && _value.Value is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }
}
