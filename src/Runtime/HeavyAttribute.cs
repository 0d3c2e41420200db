using System;

namespace LazyMigrate;

/// <summary>
/// Marks a user type as heavy: the LazyMigrate analyzer then treats eager use of it on a startup
/// path (static initializers, DI registrations, <c>Main</c>) like use of a catalog heavy type.
/// The analyzer matches any attribute class named <c>HeavyAttribute</c>, so projects that do not
/// reference the runtime may declare their own.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface, Inherited = false)]
public sealed class HeavyAttribute : Attribute
{
}
