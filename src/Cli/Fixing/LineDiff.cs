using System;
using System.Collections.Generic;
using System.Text;

namespace LazyMigrate.Cli.Fixing;

/// <summary>
/// A small unified diff (as <c>diff -u</c> / <c>git diff</c> print it) for dry runs. Common leading
/// and trailing lines are trimmed first, then the middle is aligned by longest common subsequence;
/// fixes are local, so the middle stays small.
/// </summary>
public static class LineDiff
{
    private enum Op
    {
        Same,
        Delete,
        Insert,
    }

    /// <summary>The unified diff of two texts; empty when they are equal.</summary>
    public static string Unified(string oldText, string newText, string oldLabel, string newLabel, int context = 3)
    {
        var a = SplitLines(oldText);
        var b = SplitLines(newText);
        var script = Script(a, b);
        if (!script.Exists(s => s.Op != Op.Same))
        {
            return string.Empty;
        }

        var output = new StringBuilder();
        output.Append("--- ").Append(oldLabel).Append('\n');
        output.Append("+++ ").Append(newLabel).Append('\n');

        var i = 0;
        while (i < script.Count)
        {
            if (script[i].Op == Op.Same)
            {
                i++;
                continue;
            }

            // A hunk: from `context` lines before this change to `context` lines after the last
            // change that is no more than 2*context lines away from the next one.
            var start = Math.Max(0, i - context);
            var end = i;
            while (true)
            {
                while (end < script.Count && script[end].Op != Op.Same)
                {
                    end++;
                }

                var nextChange = end;
                while (nextChange < script.Count && script[nextChange].Op == Op.Same)
                {
                    nextChange++;
                }

                if (nextChange < script.Count && nextChange - end <= 2 * context)
                {
                    end = nextChange;
                    continue;
                }

                end = Math.Min(script.Count, end + context);
                break;
            }

            int oldStart = script[start].OldIndex, newStart = script[start].NewIndex, oldCount = 0, newCount = 0;
            var body = new StringBuilder();
            for (var k = start; k < end; k++)
            {
                var entry = script[k];
                switch (entry.Op)
                {
                    case Op.Same:
                        body.Append(' ').Append(a[entry.OldIndex]).Append('\n');
                        oldCount++;
                        newCount++;
                        break;
                    case Op.Delete:
                        body.Append('-').Append(a[entry.OldIndex]).Append('\n');
                        oldCount++;
                        break;
                    default:
                        body.Append('+').Append(b[entry.NewIndex]).Append('\n');
                        newCount++;
                        break;
                }
            }

            output.Append("@@ -").Append(Range(oldStart, oldCount)).Append(" +").Append(Range(newStart, newCount)).Append(" @@\n");
            output.Append(body);
            i = end;
        }

        return output.ToString();
    }

    private static string Range(int start, int count) => count == 0 ? $"{start},0" : count == 1 ? $"{start + 1}" : $"{start + 1},{count}";

    private static string[] SplitLines(string text)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (normalized.EndsWith('\n'))
        {
            normalized = normalized.Substring(0, normalized.Length - 1);
        }

        return normalized.Length == 0 && text.Length == 0 ? Array.Empty<string>() : normalized.Split('\n');
    }

    private readonly record struct Entry(Op Op, int OldIndex, int NewIndex);

    private static List<Entry> Script(string[] a, string[] b)
    {
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[a.Length - 1 - suffix] == b[b.Length - 1 - suffix])
        {
            suffix++;
        }

        var n = a.Length - prefix - suffix;
        var m = b.Length - prefix - suffix;
        var script = new List<Entry>(a.Length + m);
        for (var k = 0; k < prefix; k++)
        {
            script.Add(new Entry(Op.Same, k, k));
        }

        // lcs[i, j] = length of the LCS of a[prefix+i..] and b[prefix+j..] (middle part only).
        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                lcs[i, j] = a[prefix + i] == b[prefix + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[prefix + x] == b[prefix + y])
            {
                script.Add(new Entry(Op.Same, prefix + x, prefix + y));
                x++;
                y++;
            }
            else if (x < n && (y == m || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                // Deletions first, as diff prints them.
                script.Add(new Entry(Op.Delete, prefix + x, prefix + y));
                x++;
            }
            else
            {
                script.Add(new Entry(Op.Insert, prefix + x, prefix + y));
                y++;
            }
        }

        for (var k = 0; k < suffix; k++)
        {
            script.Add(new Entry(Op.Same, a.Length - suffix + k, b.Length - suffix + k));
        }

        return script;
    }
}
