using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using LazyMigrate.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LazyMigrate.Cli.Analysis;

/// <summary>
/// Finds items of the <c>lazymigrate.*</c> .editorconfig keys that the analyzer would silently skip
/// (the IDE must tolerate half-typed config; a batch tool should say so). The analyzer's own parser
/// decides what is valid: each item is parsed alone and counts as malformed when nothing survives.
/// </summary>
public static class LazyMigrateOptionValidator
{
    private static readonly (string Key, Func<LazyMigrateOptions, bool> Accepted)[] s_keys =
    {
        (LazyMigrateOptions.HeavyAssembliesKey, o => !o.HeavyAssemblies.IsEmpty),
        (LazyMigrateOptions.NotHeavyAssembliesKey, o => !o.NotHeavyAssemblies.IsEmpty),
        (LazyMigrateOptions.HeavyTypesKey, o => !o.HeavyTypes.IsEmpty),
        (LazyMigrateOptions.StartupMethodsKey, o => !o.StartupMethods.IsEmpty),
        (LazyMigrateOptions.ReadyMethodsKey, o => !o.ReadyMethods.IsEmpty),
    };

    /// <summary>Messages for every malformed item in <paramref name="options"/> (key → raw value).</summary>
    public static IEnumerable<string> FindProblems(IReadOnlyDictionary<string, string> options, string source)
    {
        // Empty (as the package's options file ships it) means the default.
        if (options.TryGetValue(LazyMigrateOptions.LZM0003PreferredFixKey, out var preferredFix)
            && preferredFix.Trim() is { Length: > 0 } fix
            && !string.Equals(fix, LazyMigrateOptions.FactoryRegistrationFix, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(fix, LazyMigrateOptions.LazyValueMoveFix, StringComparison.OrdinalIgnoreCase))
        {
            yield return $"'{fix}' is not a valid value for '{LazyMigrateOptions.LZM0003PreferredFixKey}' (in {source}): use "
                + $"'{LazyMigrateOptions.FactoryRegistrationFix}' or '{LazyMigrateOptions.LazyValueMoveFix}'";
        }

        if (options.TryGetValue(LazyMigrateOptions.WebStartupWorkKey, out var webStartupWork)
            && webStartupWork.Trim() is { Length: > 0 } work
            && !string.Equals(work, LazyMigrateOptions.KeepWebStartupWork, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(work, LazyMigrateOptions.BeforeFirstRequest, StringComparison.OrdinalIgnoreCase))
        {
            yield return $"'{work}' is not a valid value for '{LazyMigrateOptions.WebStartupWorkKey}' (in {source}): use "
                + $"'{LazyMigrateOptions.KeepWebStartupWork}' or '{LazyMigrateOptions.BeforeFirstRequest}'";
        }

        foreach (var (key, accepted) in s_keys)
        {
            if (!options.TryGetValue(key, out var raw) || string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            foreach (var part in raw.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!accepted(LazyMigrateOptions.Parse(new SingleOption(key, part))))
                {
                    yield return $"'{part}' is not a valid item for '{key}' (in {source}); the analyzer ignores it";
                }
            }
        }
    }

    private sealed class SingleOption : AnalyzerConfigOptions
    {
        private readonly string _key;
        private readonly string _value;

        public SingleOption(string key, string value)
        {
            _key = key;
            _value = value;
        }

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
        {
            value = string.Equals(key, _key, StringComparison.Ordinal) ? _value : null;
            return value is not null;
        }
    }
}
