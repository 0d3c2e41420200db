using System;
using System.Collections.Generic;
using System.Linq;
using LazyMigrate.Cli.Errors;

namespace LazyMigrate.Cli.Infrastructure;

/// <summary>One option a command accepts.</summary>
public sealed record OptionSpec(string Name, string? Alias, string? ValueName, string Help, IReadOnlyList<string>? AllowedValues = null)
{
    /// <summary>True when the option takes a value (otherwise it is a flag).</summary>
    public bool TakesValue => ValueName is not null;
}

/// <summary>
/// The syntax of one command: its options, how many positional arguments it takes, whether it
/// accepts a command line after <c>--</c>. Parsing is small and strict on purpose: any unknown
/// option or bad value is a usage error (exit code 2).
/// </summary>
public sealed class CommandSpec
{
    /// <summary>Creates a spec.</summary>
    public CommandSpec(string name, string usage, string summary, int maxPositionals, bool passThrough, IReadOnlyList<OptionSpec> options)
    {
        Name = name;
        Usage = usage;
        Summary = summary;
        MaxPositionals = maxPositionals;
        AcceptsPassThrough = passThrough;
        Options = options;
    }

    /// <summary>The command name.</summary>
    public string Name { get; }

    /// <summary>The one-line synopsis.</summary>
    public string Usage { get; }

    /// <summary>What the command does.</summary>
    public string Summary { get; }

    /// <summary>How many positional arguments are allowed.</summary>
    public int MaxPositionals { get; }

    /// <summary>True when a command line may follow <c>--</c>.</summary>
    public bool AcceptsPassThrough { get; }

    /// <summary>The options.</summary>
    public IReadOnlyList<OptionSpec> Options { get; }

    /// <summary>Parses the arguments that follow the command name.</summary>
    public ParsedArguments Parse(IReadOnlyList<string> args)
    {
        var result = new ParsedArguments { Command = Name };
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                if (!AcceptsPassThrough)
                {
                    throw new BadInputException($"'{Name}' does not take a command after '--'", showUsage: true);
                }

                result.PassThrough.AddRange(args.Skip(i + 1));
                break;
            }

            if (arg is "-h" or "--help" or "-?")
            {
                result.HelpRequested = true;
                continue;
            }

            if (arg.StartsWith('-') && arg.Length > 1)
            {
                string? inlineValue = null;
                var name = arg;
                var equals = arg.IndexOf('=');
                if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
                {
                    name = arg.Substring(0, equals);
                    inlineValue = arg.Substring(equals + 1);
                }

                var option = Options.FirstOrDefault(o => o.Name == name || o.Alias == name)
                    ?? throw new BadInputException($"unknown option '{name}' for '{Name}'", showUsage: true);
                if (!option.TakesValue)
                {
                    if (inlineValue is not null)
                    {
                        throw new BadInputException($"option {option.Name} does not take a value", showUsage: true);
                    }

                    result.AddFlag(option.Name);
                    continue;
                }

                var value = inlineValue;
                if (value is null)
                {
                    if (i + 1 >= args.Count || (args[i + 1].StartsWith('-') && args[i + 1].Length > 1))
                    {
                        throw new BadInputException($"option {option.Name} needs a value ({option.ValueName})", showUsage: true);
                    }

                    value = args[++i];
                }

                if (option.AllowedValues is not null && !option.AllowedValues.Contains(value, StringComparer.OrdinalIgnoreCase))
                {
                    throw new BadInputException(
                        $"option {option.Name} does not accept '{value}'; use one of: {string.Join(", ", option.AllowedValues)}",
                        showUsage: true);
                }

                result.AddValue(option.Name, option.AllowedValues is null ? value : value.ToLowerInvariant());
                continue;
            }

            if (result.Positionals.Count >= MaxPositionals)
            {
                throw new BadInputException(
                    MaxPositionals == 0 ? $"'{Name}' takes no argument '{arg}'" : $"unexpected extra argument '{arg}' for '{Name}'",
                    showUsage: true);
            }

            result.Positionals.Add(arg);
        }

        return result;
    }

    /// <summary>The help text of this command.</summary>
    public string HelpText()
    {
        var lines = new List<string> { "Usage: " + Usage, string.Empty, Summary, string.Empty, "Options:" };
        foreach (var option in Options)
        {
            var names = option.Alias is null ? option.Name : option.Alias + ", " + option.Name;
            if (option.TakesValue)
            {
                names += " <" + option.ValueName + ">";
            }

            // Long option names get the help on their own line rather than running into it.
            lines.Add(names.Length < 40 ? "  " + names.PadRight(40) + option.Help : "  " + names + Environment.NewLine + new string(' ', 42) + option.Help);
        }

        lines.Add("  " + "-h, --help".PadRight(40) + "Show this help.");
        return string.Join(Environment.NewLine, lines);
    }
}
