using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace LazyMigrate.Cli.Explaining;

/// <summary>A source range a frame was executing: 1-based lines and columns, as the PDB's sequence point gives them.</summary>
public sealed record SourceSpan(string File, int Line, int Column, int EndLine, int EndColumn);

/// <summary>
/// Maps (module file, method token, IL offset) to the source range of the sequence point at or before the offset,
/// reading the module's portable PDB (embedded, at the path the module records, or next to it).
/// Modules without a readable portable PDB map to nothing.
/// </summary>
public sealed class PdbLineMapper : IDisposable
{
    private readonly Dictionary<string, MetadataReaderProvider?> _pdbs = new(StringComparer.Ordinal);

    /// <summary>The source range of the frame, or null when the module, its PDB or the method's sequence points are missing.</summary>
    public SourceSpan? Map(string modulePath, int token, int ilOffset)
    {
        if (string.IsNullOrEmpty(modulePath) || (token >> 24) != 0x06)
        {
            return null;
        }

        var reader = Reader(modulePath);
        if (reader is null)
        {
            return null;
        }

        try
        {
            var handle = MetadataTokens.MethodDefinitionHandle(token & 0x00FFFFFF);
            var points = reader.GetMethodDebugInformation(handle).GetSequencePoints().Where(p => !p.IsHidden).ToList();
            if (points.Count == 0)
            {
                return null;
            }

            // The point that covers the offset is the last one starting at or before it; an unknown offset
            // (-1) means the method's first line.
            var point = ilOffset < 0 ? points[0] : points.LastOrDefault(p => p.Offset <= ilOffset);
            if (point.Document.IsNil)
            {
                point = points[0];
            }

            var file = reader.GetString(reader.GetDocument(point.Document).Name);
            return new SourceSpan(file, point.StartLine, point.StartColumn, point.EndLine, point.EndColumn);
        }
        catch (Exception ex) when (ex is BadImageFormatException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var provider in _pdbs.Values)
        {
            provider?.Dispose();
        }

        _pdbs.Clear();
    }

    private MetadataReader? Reader(string modulePath)
    {
        if (!_pdbs.TryGetValue(modulePath, out var provider))
        {
            provider = Open(modulePath);
            _pdbs[modulePath] = provider;
        }

        return provider?.GetMetadataReader();
    }

    private static MetadataReaderProvider? Open(string modulePath)
    {
        if (!File.Exists(modulePath))
        {
            return null;
        }

        try
        {
            using var stream = File.OpenRead(modulePath);
            using var pe = new PEReader(stream);
            if (pe.TryOpenAssociatedPortablePdb(modulePath, OpenIfExists, out var provider, out _) && provider is not null)
            {
                return provider;
            }
        }
        catch (Exception ex) when (ex is BadImageFormatException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // A module we cannot read maps to nothing.
        }

        return null;
    }

    private static Stream? OpenIfExists(string path) => File.Exists(path) ? File.OpenRead(path) : null;
}
