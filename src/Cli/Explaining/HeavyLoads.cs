using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using LazyMigrate.Cli.Profiling;

namespace LazyMigrate.Cli.Explaining;

/// <summary>One user-code frame of a heavy load, with its source range and line text when the PDB gives them.</summary>
public sealed record LoadFrame(string Method, SourceSpan? Source, string? Text)
{
    /// <summary><c>File.cs:23</c>, or the method name when the source is unknown.</summary>
    public string Describe(string rootDirectory) => Source is null ? Method : $"{RelativePath(rootDirectory, Source.File)}:{Source.Line}";

    /// <summary>A path relative to the root (absolute when outside it), with forward slashes.</summary>
    public static string RelativePath(string rootDirectory, string path)
    {
        var relative = Path.GetRelativePath(rootDirectory, path);
        return (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative).Replace('\\', '/');
    }
}

/// <summary>
/// The heavy assemblies of one package that loaded before ready from the same user-code call path (so
/// EF Core's dozen assemblies loaded by one line are one load), with that path and the raw stack.
/// </summary>
public sealed record HeavyLoad(string Package, IReadOnlyList<string> Assemblies, double AtMs, double LoadGapMs, IReadOnlyList<LoadFrame> Frames, IReadOnlyList<string> Stack);

/// <summary>Groups a profile's heavy assembly loads by package and call path and maps their frames to source lines.</summary>
public static class HeavyLoads
{
    /// <summary>The heavy loads before ready, in order of first load.</summary>
    public static IReadOnlyList<HeavyLoad> From(ProfileModel profile, PdbLineMapper mapper)
    {
        var lines = new Dictionary<string, string[]?>(StringComparer.Ordinal);
        var result = new List<HeavyLoad>();
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var load in profile.Assemblies.Where(a => a.HeavyPackage is not null && !a.BeforeHook))
        {
            var frames = load.UserFrames.Select(f => Frame(f, mapper, lines)).ToList();
            var key = load.HeavyPackage + "|" + string.Join("|", frames.Select(f => f.Source is null ? f.Method : $"{f.Source.File}:{f.Source.Line}:{f.Source.Column}"));
            if (byKey.TryGetValue(key, out var index))
            {
                var known = result[index];
                result[index] = known with
                {
                    Assemblies = known.Assemblies.Append(load.Name).ToList(),
                    LoadGapMs = known.LoadGapMs + load.SincePreviousMs,
                };
                continue;
            }

            byKey[key] = result.Count;
            result.Add(new HeavyLoad(load.HeavyPackage!, new[] { load.Name }, load.AtMs, load.SincePreviousMs, frames, load.Stack));
        }

        return result;
    }

    private static LoadFrame Frame(UserFrame frame, PdbLineMapper mapper, Dictionary<string, string[]?> lines)
    {
        var source = mapper.Map(frame.Module, frame.Token, frame.IlOffset);
        return new LoadFrame(frame.Method, source, source is null ? null : LineText(source, lines));
    }

    /// <summary>The source text of the sequence point (its first line when it spans several), trimmed; null when the file is gone.</summary>
    private static string? LineText(SourceSpan source, Dictionary<string, string[]?> cache)
    {
        if (!cache.TryGetValue(source.File, out var lines))
        {
            try
            {
                lines = File.Exists(source.File) ? File.ReadAllLines(source.File) : null;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                lines = null;
            }

            cache[source.File] = lines;
        }

        if (lines is null || source.Line < 1 || source.Line > lines.Length)
        {
            return null;
        }

        var line = lines[source.Line - 1];
        var start = Math.Clamp(source.Column - 1, 0, line.Length);
        var end = source.EndLine == source.Line ? Math.Clamp(source.EndColumn - 1, start, line.Length) : line.Length;
        var text = line.Substring(start, end - start).Trim();
        return text.Length == 0 ? line.Trim() : text;
    }
}
