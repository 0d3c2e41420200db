using System;

namespace LazyMigrate;

/// <summary>
/// Marks a <c>static partial</c> property (C# 13) whose value the LazyMigrate source generator builds
/// lazily: the generator writes the implementing declaration in the holder shape of the LZM0001 fix (an
/// untyped <see cref="LazyValue"/> field, a non-inlined factory wrapper and a nested
/// <see cref="LazyValueHolderAttribute"/> class), so touching the declaring class loads nothing of the
/// package, the first read builds the value once, and later reads cost a field read.
/// </summary>
/// <remarks>
/// <code>
/// [LazyValue("SixLabors.ImageSharp")]
/// public static partial Image&lt;Rgba32&gt; Blank { get; }
///
/// private static Image&lt;Rgba32&gt; CreateBlank() => new(64, 48);
/// </code>
/// See docs/generator.md for what is generated and the diagnostics LZM1001–LZM1004.
/// </remarks>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class LazyValueAttribute : Attribute
{
    /// <summary>Binds the value to the catalog package that owns the assembly of the property's type.</summary>
    public LazyValueAttribute()
    {
    }

    /// <summary>Binds the value to a package (catalog or registered name, or an assembly name of the app).</summary>
    /// <param name="package">The package name, e.g. <c>"SixLabors.ImageSharp"</c>.</param>
    public LazyValueAttribute(string package)
    {
        Package = package;
    }

    /// <summary>The package the value is bound to; null when taken from the catalog by the property type's assembly.</summary>
    public string? Package { get; }

    /// <summary>
    /// The name of the static, parameterless method that builds the value (use <c>nameof</c>);
    /// by default <c>Create{PropertyName}</c>.
    /// </summary>
    public string? Factory { get; set; }
}
