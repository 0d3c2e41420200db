using System;

namespace LazyMigrate;

/// <summary>
/// Declares, at assembly level, that every type of another assembly is heavy, for assemblies the
/// built-in catalog does not know: <c>[assembly: HeavyAssembly("Contoso.BigModel")]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class HeavyAssemblyAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="assemblyName">Simple name of the heavy assembly; a trailing <c>*</c> makes it a prefix pattern.</param>
    public HeavyAssemblyAttribute(string assemblyName)
    {
        AssemblyName = assemblyName;
    }

    /// <summary>Simple name (or prefix pattern ending in <c>*</c>) of the heavy assembly.</summary>
    public string AssemblyName { get; }
}
