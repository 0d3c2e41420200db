using System;
using System.Collections.Generic;
using System.Globalization;
using LazyMigrate.Cli.Errors;

namespace LazyMigrate.Cli.Infrastructure;

/// <summary>The result of parsing one command's arguments.</summary>
public sealed class ParsedArguments
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    /// <summary>The command name (scan, fix, profile).</summary>
    public string Command { get; init; } = string.Empty;

    /// <summary>Positional arguments before <c>--</c>.</summary>
    public List<string> Positionals { get; } = new();

    /// <summary>Everything after <c>--</c> (profile's command line).</summary>
    public List<string> PassThrough { get; } = new();

    /// <summary>True when <c>--help</c> was given.</summary>
    public bool HelpRequested { get; set; }

    internal void AddValue(string option, string value)
    {
        if (!_values.TryGetValue(option, out var list))
        {
            list = new List<string>();
            _values[option] = list;
        }

        list.Add(value);
    }

    internal void AddFlag(string option) => _flags.Add(option);

    /// <summary>True when the flag was given.</summary>
    public bool Has(string option) => _flags.Contains(option) || _values.ContainsKey(option);

    /// <summary>The last value given for the option, or null.</summary>
    public string? Value(string option) => _values.TryGetValue(option, out var list) ? list[list.Count - 1] : null;

    /// <summary>All values of a repeatable option, with comma/semicolon/space separated lists split.</summary>
    public IReadOnlyList<string> Values(string option)
    {
        var result = new List<string>();
        if (_values.TryGetValue(option, out var list))
        {
            foreach (var value in list)
            {
                foreach (var part in value.Split(new[] { ',', ';', ' ' }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    result.Add(part);
                }
            }
        }

        return result;
    }

    /// <summary>A positive integer option, or the default.</summary>
    public int PositiveInt(string option, int defaultValue)
    {
        var text = Value(option);
        if (text is null)
        {
            return defaultValue;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            throw new BadInputException($"option {option} expects a positive whole number, got '{text}'", showUsage: true);
        }

        return value;
    }
}
