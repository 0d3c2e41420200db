using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Threading;
using LazyMigrate.Catalog;

namespace LazyMigrate.Internal;

/// <summary>
/// What the app contains, read from the host's lists (TRUSTED_PLATFORM_ASSEMBLIES, the .deps.json
/// files, NATIVE_DLL_SEARCH_DIRECTORIES). Reading these never loads an assembly or native library.
/// </summary>
/// <remarks>
/// A Native AOT binary has none of these lists: every assembly it can load was compiled into it.
/// There the assemblies the runtime reports are the list, and a name not on it is asked of the
/// runtime directly (<c>Assembly.Load</c> only looks the name up in the image; nothing is read from disk).
/// </remarks>
internal sealed class AppDependencies
{
    private static AppDependencies? s_current;

    private readonly bool _compiledIn;
    private readonly Dictionary<string, bool> _lookedUp = new(StringComparer.OrdinalIgnoreCase);

    private AppDependencies(HashSet<string> assemblies, HashSet<string> packages, List<string> nativeDirectories, bool compiledIn)
    {
        AssemblyNames = assemblies;
        PackageIds = packages;
        NativeDirectories = nativeDirectories;
        _compiledIn = compiledIn;
    }

    /// <summary>Built on the first question and cached: the lists do not change while the app runs.</summary>
    public static AppDependencies Current
    {
        get
        {
            var current = Volatile.Read(ref s_current);
            if (current is null)
            {
                current = Read();
                current = Interlocked.CompareExchange(ref s_current, current, null) ?? current;
            }

            return current;
        }
    }

    /// <summary>Simple names of every assembly the app can load by name (TPA list plus deps.json runtime assets).</summary>
    public HashSet<string> AssemblyNames { get; }

    /// <summary>NuGet package ids (and project names) listed in the app's .deps.json files.</summary>
    public HashSet<string> PackageIds { get; }

    /// <summary>Directories where the app's native libraries live, most specific first.</summary>
    public List<string> NativeDirectories { get; }

    public bool IsAssemblyPresent(string nameOrPattern)
    {
        if (nameOrPattern.EndsWith('*'))
        {
            foreach (var name in AssemblyNames)
            {
                if (HeavyPackageCatalog.AssemblyPatternMatches(nameOrPattern, name))
                {
                    return true;
                }
            }

            return false;
        }

        return AssemblyNames.Contains(nameOrPattern) || (_compiledIn && IsCompiledIn(nameOrPattern));
    }

    /// <summary>Native AOT: whether the image holds the assembly (answers are cached; the list only holds assemblies with metadata).</summary>
    private bool IsCompiledIn(string name)
    {
        lock (_lookedUp)
        {
            if (_lookedUp.TryGetValue(name, out var known))
            {
                return known;
            }
        }

        bool present;
        try
        {
            present = Assembly.Load(new AssemblyName(name)) is not null;
        }
        catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or BadImageFormatException or ArgumentException)
        {
            present = false;
        }

        lock (_lookedUp)
        {
            _lookedUp[name] = present;
        }

        return present;
    }

    /// <summary>Names present in the app matching an assembly pattern, sorted for a stable load order.</summary>
    public List<string> MatchingAssemblies(string pattern)
    {
        var result = new List<string>();
        foreach (var name in AssemblyNames)
        {
            if (HeavyPackageCatalog.AssemblyPatternMatches(pattern, name))
            {
                result.Add(name);
            }
        }

        result.Sort(StringComparer.OrdinalIgnoreCase);
        return result;
    }

    /// <summary>The full path of a native library in the app's native directories, or null when the app does not ship it.</summary>
    public string? FindNativeLibrary(string name)
    {
        foreach (var directory in NativeDirectories)
        {
            foreach (var candidate in NativeFileNames(name))
            {
                var path = Path.Combine(directory, candidate);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        return null;
    }

    private static IEnumerable<string> NativeFileNames(string name)
    {
        if (Path.HasExtension(name) && (name.EndsWith(".so", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".dylib", StringComparison.OrdinalIgnoreCase)))
        {
            yield return name;
            yield break;
        }

        if (OperatingSystem.IsWindows())
        {
            yield return name + ".dll";
        }
        else if (OperatingSystem.IsMacOS())
        {
            yield return "lib" + name + ".dylib";
            yield return name + ".dylib";
            yield return name + ".dll.dylib";
        }
        else
        {
            yield return "lib" + name + ".so";
            yield return name + ".so";

            // Magick.NET ships Magick.Native-Q8-x64.dll.so so that DllImport("X.dll") finds it.
            yield return name + ".dll.so";
        }
    }

    private static AppDependencies Read()
    {
        var assemblies = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var packages = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var nativeDirectories = new List<string>();

        var trustedAssemblies = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string;
        foreach (var path in SplitPaths(trustedAssemblies))
        {
            if (path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".exe", StringComparison.OrdinalIgnoreCase))
            {
                assemblies.Add(Path.GetFileNameWithoutExtension(path));
            }
        }

        // No host lists (Native AOT): the assemblies compiled into the binary are what the app contains.
        var compiledIn = string.IsNullOrEmpty(trustedAssemblies);
        if (compiledIn)
        {
            foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
            {
                if (assembly.GetName().Name is { } name)
                {
                    assemblies.Add(name);
                }
            }
        }

        foreach (var depsFile in SplitPaths(AppContext.GetData("APP_CONTEXT_DEPS_FILES") as string))
        {
            ReadDepsFile(depsFile, assemblies, packages);
        }

        foreach (var directory in SplitPaths(AppContext.GetData("NATIVE_DLL_SEARCH_DIRECTORIES") as string))
        {
            AddDirectory(nativeDirectories, directory);
        }

        // Apps run from bin keep RID-specific assets under runtimes/<rid>/native.
        var baseDirectory = AppContext.BaseDirectory;
        foreach (var rid in CandidateRuntimeIdentifiers())
        {
            AddDirectory(nativeDirectories, Path.Combine(baseDirectory, "runtimes", rid, "native"));
        }

        AddDirectory(nativeDirectories, baseDirectory);
        return new AppDependencies(assemblies, packages, nativeDirectories, compiledIn);
    }

    private static void AddDirectory(List<string> directories, string directory)
    {
        if (directory.Length == 0)
        {
            return;
        }

        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        if (!directories.Contains(full) && Directory.Exists(full))
        {
            directories.Add(full);
        }
    }

    private static IEnumerable<string> CandidateRuntimeIdentifiers()
    {
        yield return RuntimeInformation.RuntimeIdentifier;
        var arch = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        yield return $"{os}-{arch}";
        yield return os;
    }

    private static IEnumerable<string> SplitPaths(string? list)
    {
        if (string.IsNullOrEmpty(list))
        {
            yield break;
        }

        // The host joins these lists with the platform path separator; deps files use ';' on every platform.
        foreach (var part in list.Split(new[] { Path.PathSeparator, ';' }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            yield return part;
        }
    }

    private static void ReadDepsFile(string path, HashSet<string> assemblies, HashSet<string> packages)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream);
            var root = document.RootElement;
            if (root.TryGetProperty("libraries", out var libraries) && libraries.ValueKind == JsonValueKind.Object)
            {
                foreach (var library in libraries.EnumerateObject())
                {
                    packages.Add(IdOf(library.Name));
                }
            }

            if (root.TryGetProperty("targets", out var targets) && targets.ValueKind == JsonValueKind.Object)
            {
                foreach (var target in targets.EnumerateObject())
                {
                    foreach (var library in target.Value.EnumerateObject())
                    {
                        if (library.Value.ValueKind == JsonValueKind.Object && library.Value.TryGetProperty("runtime", out var runtime) && runtime.ValueKind == JsonValueKind.Object)
                        {
                            foreach (var asset in runtime.EnumerateObject())
                            {
                                if (asset.Name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                                {
                                    assemblies.Add(Path.GetFileNameWithoutExtension(asset.Name));
                                }
                            }
                        }
                    }
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            // A missing or malformed deps file only makes the probe less complete; the TPA list still answers.
        }
    }

    private static string IdOf(string libraryKey)
    {
        var slash = libraryKey.IndexOf('/');
        return slash < 0 ? libraryKey : libraryKey.Substring(0, slash);
    }
}
