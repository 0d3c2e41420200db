using System;

namespace LazyMigrate;

/// <summary>
/// Marks a class whose <c>static readonly</c> fields cache lazy values: the nested holder the
/// LZM0001 code fix generates (<c>private static class SessionHolder { public static readonly
/// InferenceSession? Value = s_session.GetOrDefault&lt;InferenceSession&gt;(); }</c>). The holder's
/// static constructor runs on the first read of its field, from the property getter; the runtime
/// skips the static constructor of a class marked with this attribute when it records the first-use
/// site of a value (<see cref="LazyValue.FirstUseSite"/>, status, errors), so the site names the
/// getter and its caller, not the holder.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class LazyValueHolderAttribute : Attribute
{
}
