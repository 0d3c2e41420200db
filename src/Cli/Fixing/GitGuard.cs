using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LazyMigrate.Cli.Infrastructure;

namespace LazyMigrate.Cli.Fixing;

/// <summary>
/// Finds which of the files a fix would write have uncommitted changes (modified, staged or
/// untracked) in their git working tree, so the user's unsaved work is never mixed with ours.
/// Files outside any git repository, or a machine without git, are not checked.
/// </summary>
public static class GitGuard
{
    /// <summary>The dirty files among <paramref name="files"/> (full paths).</summary>
    public static async Task<IReadOnlyList<string>> FindDirtyAsync(IEnumerable<string> files, CancellationToken cancellationToken)
    {
        var dirty = new List<string>();
        var byRepository = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var topByFolder = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var folder = Path.GetDirectoryName(file)!;
            if (!topByFolder.TryGetValue(folder, out var top))
            {
                top = await RepositoryRootAsync(folder, cancellationToken).ConfigureAwait(false);
                topByFolder[folder] = top;
            }

            if (top is null)
            {
                continue;
            }

            if (!byRepository.TryGetValue(top, out var list))
            {
                list = new List<string>();
                byRepository[top] = list;
            }

            list.Add(file);
        }

        foreach (var (top, list) in byRepository)
        {
            var args = new List<string> { "-C", top, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--" };
            args.AddRange(list.Select(f => Path.GetRelativePath(top, f)));
            var result = await ProcessRunner.RunAsync("git", args, top, cancellationToken).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                continue;
            }

            var changed = ChangedPaths(top, result.StandardOutput).ToHashSet(StringComparer.Ordinal);
            dirty.AddRange(list.Where(changed.Contains));
        }

        return dirty;
    }

    /// <summary>
    /// The C# files under <paramref name="folder"/> with uncommitted changes: what a fix might write,
    /// known before the (slow) load and analysis. Empty outside a git repository or without git.
    /// </summary>
    public static async Task<IReadOnlyList<string>> FindDirtySourcesAsync(string folder, CancellationToken cancellationToken)
    {
        var top = await RepositoryRootAsync(folder, cancellationToken).ConfigureAwait(false);
        if (top is null)
        {
            return Array.Empty<string>();
        }

        var args = new[] { "-C", top, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", Path.GetRelativePath(top, folder) };
        var result = await ProcessRunner.RunAsync("git", args, top, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            return Array.Empty<string>();
        }

        return ChangedPaths(top, result.StandardOutput).Where(p => p.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)).ToList();
    }

    /// <summary>The paths in <c>git status --porcelain=v1 -z</c> output (for a rename: the new path).</summary>
    private static IEnumerable<string> ChangedPaths(string top, string porcelain)
    {
        var entries = porcelain.Split('\0', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            if (entry.Length < 4)
            {
                continue;
            }

            yield return Path.GetFullPath(Path.Combine(top, entry.Substring(3)));
            if (entry[0] is 'R' or 'C')
            {
                i++; // the rename's source path follows
            }
        }
    }

    private static async Task<string?> RepositoryRootAsync(string folder, CancellationToken cancellationToken)
    {
        try
        {
            var result = await ProcessRunner.RunAsync("git", new[] { "-C", folder, "rev-parse", "--show-toplevel" }, folder, cancellationToken).ConfigureAwait(false);
            return result.ExitCode == 0 ? Path.GetFullPath(result.StandardOutput.Trim()) : null;
        }
        catch (Win32Exception)
        {
            return null; // git is not installed
        }
    }
}
