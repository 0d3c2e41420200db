using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;

namespace LazyMigrate.EndToEnd.Tests.Infrastructure;

/// <summary>A .nupkg read as the zip it is: its entry paths and its .nuspec.</summary>
public sealed class PackageFile
{
    private readonly string _path;

    public PackageFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The package {Path.GetFileName(path)} was not produced.", path);
        }

        _path = path;
        using var zip = ZipFile.OpenRead(path);
        Entries = zip.Entries.Select(e => e.FullName).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        var nuspecEntry = zip.Entries.Single(e => !e.FullName.Contains('/') && e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspecEntry.Open();
        Nuspec = XDocument.Load(stream);
    }

    public IReadOnlyList<string> Entries { get; }

    public XDocument Nuspec { get; }

    /// <summary>The text of a metadata element (namespace-agnostic), or null.</summary>
    public string? Metadata(string name) =>
        Nuspec.Root!.Elements().First(e => e.Name.LocalName == "metadata").Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    public XElement? MetadataElement(string name) =>
        Nuspec.Root!.Elements().First(e => e.Name.LocalName == "metadata").Elements().FirstOrDefault(e => e.Name.LocalName == name);

    /// <summary>Every &lt;dependency&gt; element, in any group.</summary>
    public IReadOnlyList<XElement> Dependencies() =>
        Nuspec.Descendants().Where(e => e.Name.LocalName == "dependency").ToArray();

    public byte[] ReadEntry(string entryPath)
    {
        using var zip = ZipFile.OpenRead(_path);
        var entry = zip.GetEntry(entryPath) ?? throw new FileNotFoundException($"{entryPath} is not in {Path.GetFileName(_path)}.");
        using var stream = entry.Open();
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
