using System;
using System.Collections.Generic;
using LazyMigrate.Internal;

namespace LazyMigrate;

/// <summary>
/// "Is this in the app?" answered from the host's dependency lists (AppContext
/// TRUSTED_PLATFORM_ASSEMBLIES and the app's .deps.json files, APP_CONTEXT_DEPS_FILES). Nothing is
/// loaded; the lists are read once and cached. A Native AOT binary has no such lists: there the
/// answer comes from the assemblies compiled into the binary.
/// </summary>
public static class PackageProbe
{
    /// <summary>True when the app contains an assembly with this simple name (or, for a pattern ending in <c>*</c>, any matching assembly).</summary>
    /// <param name="assemblyNameOrPattern">e.g. <c>"Magick.NET-Q8-x64"</c> or <c>"Azure.*"</c>.</param>
    /// <returns>Whether it is present.</returns>
    public static bool IsAssemblyPresent(string assemblyNameOrPattern)
    {
        ArgumentException.ThrowIfNullOrEmpty(assemblyNameOrPattern);
        return AppDependencies.Current.IsAssemblyPresent(assemblyNameOrPattern);
    }

    /// <summary>
    /// True when the app contains the package: a registered package of <see cref="LazyPackageRegistry.Default"/>
    /// whose main assembly is present, a package id listed in the .deps.json, or an assembly of that name.
    /// </summary>
    /// <param name="packageName">Package name or NuGet id, e.g. <c>"Magick.NET"</c> or <c>"Microsoft.ML.OnnxRuntime"</c>.</param>
    /// <returns>Whether it is present.</returns>
    public static bool IsPackagePresent(string packageName)
    {
        ArgumentException.ThrowIfNullOrEmpty(packageName);
        if (LazyPackageRegistry.Default.TryGet(packageName, out var package))
        {
            return package.IsAvailable;
        }

        var dependencies = AppDependencies.Current;
        return dependencies.PackageIds.Contains(packageName) || dependencies.IsAssemblyPresent(packageName);
    }

    /// <summary>The app's assemblies matching a name or prefix pattern, sorted.</summary>
    /// <param name="assemblyNameOrPattern">e.g. <c>"Microsoft.EntityFrameworkCore*"</c>.</param>
    /// <returns>The simple names.</returns>
    public static IReadOnlyList<string> GetPresentAssemblies(string assemblyNameOrPattern)
    {
        ArgumentException.ThrowIfNullOrEmpty(assemblyNameOrPattern);
        return AppDependencies.Current.MatchingAssemblies(assemblyNameOrPattern);
    }
}
