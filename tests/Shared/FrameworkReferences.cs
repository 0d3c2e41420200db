using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace LazyMigrate.Tests.Shared;

/// <summary>
/// Framework references for test compilations, taken from the SDK that runs the tests: its targeting
/// packs (Microsoft.NETCore.App.Ref and Microsoft.AspNetCore.App.Ref, which carries the real DI and
/// hosting abstractions). Nothing is downloaded at test time, so test processes running in parallel
/// on a machine with an empty NuGet cache cannot race on a shared download folder.
/// </summary>
internal static class FrameworkReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_all = new(Load);

    /// <summary>The reference assemblies of the running .NET major version (BCL, DI, hosting, logging, options).</summary>
    public static ImmutableArray<MetadataReference> All => s_all.Value;

    private static ImmutableArray<MetadataReference> Load()
    {
        var runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;      // the installed Microsoft.NETCore.App/10.0.x folder
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", ".."));
        var packs = new[] { "Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref" }
            .Select(pack => FindRefDirectory(Path.Combine(dotnetRoot, "packs", pack)))
            .ToList();

        if (packs.Any(p => p is null))
        {
            // No targeting packs: fall back to the running shared frameworks' implementation assemblies.
            var aspnet = Path.Combine(dotnetRoot, "shared", "Microsoft.AspNetCore.App", Path.GetFileName(runtimeDir));
            return Directory.GetFiles(runtimeDir, "*.dll")
                .Concat(Directory.Exists(aspnet) ? Directory.GetFiles(aspnet, "*.dll") : Array.Empty<string>())
                .Where(IsManaged)
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .ToImmutableArray();
        }

        return packs
            .SelectMany(dir => Directory.GetFiles(dir!, "*.dll"))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }

    private static string? FindRefDirectory(string packDirectory)
    {
        if (!Directory.Exists(packDirectory))
        {
            return null;
        }

        var major = Environment.Version.Major;
        return Directory.GetDirectories(packDirectory)
            .Where(v => Path.GetFileName(v).StartsWith(major + ".", StringComparison.Ordinal))
            .OrderByDescending(v => Version.TryParse(Path.GetFileName(v).Split('-')[0], out var parsed) ? parsed : new Version(0, 0))
            .Select(v => Path.Combine(v, "ref", "net" + major + ".0"))
            .FirstOrDefault(Directory.Exists);
    }

    private static bool IsManaged(string path)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
