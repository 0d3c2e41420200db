using System;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace LazyMigrate.Internal;

/// <summary>
/// File and line of an IL offset, read from the method's portable PDB (next to the assembly or
/// embedded in it). This is the work a <c>StackTrace</c> with file information does for every frame;
/// done here for one frame and only when a site's text is needed.
/// </summary>
internal static class SourceLines
{
    // One reader per assembly; null when it has no readable symbols (cached as well, so a missing
    // PDB is looked for once).
    private static readonly ConcurrentDictionary<Assembly, MetadataReaderProvider?> s_symbols = new();

    public static (string File, int Line)? Find(MethodBase method, int ilOffset)
    {
        if (ilOffset < 0)
        {
            return null;
        }

        try
        {
            var provider = s_symbols.GetOrAdd(method.Module.Assembly, Open);
            if (provider is null)
            {
                return null;
            }

            var reader = provider.GetMetadataReader();
            var handle = MetadataTokens.MethodDefinitionHandle(method.MetadataToken);
            SequencePoint? best = null;
            foreach (var point in reader.GetMethodDebugInformation(handle.ToDebugInformationHandle()).GetSequencePoints())
            {
                if (point.Offset > ilOffset)
                {
                    break;
                }

                if (!point.IsHidden)
                {
                    best = point;
                }
            }

            if (best is not { } found)
            {
                return null;
            }

            return (reader.GetString(reader.GetDocument(found.Document).Name), found.StartLine);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or BadImageFormatException or InvalidOperationException or ArgumentException)
        {
            // Unreadable or mismatched symbols only cost the file:line; the method name stays.
            return null;
        }
    }

    [UnconditionalSuppressMessage("SingleFile", "IL3000", Justification = "Location is empty in single-file and Native AOT apps, which ship no PDB beside an assembly file: the site is then named without file:line.")]
    private static MetadataReaderProvider? Open(Assembly assembly)
    {
        var location = assembly.Location;
        if (string.IsNullOrEmpty(location) || !File.Exists(location))
        {
            return null;
        }

        using var pe = new PEReader(File.OpenRead(location));
        return pe.TryOpenAssociatedPortablePdb(location, path => File.Exists(path) ? File.OpenRead(path) : null, out var provider, out _)
            ? provider
            : null;
    }
}
