using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LazyMigrate.Analyzers.Infrastructure;

/// <summary>
/// The <c>lazymigrate.*</c> keys of .editorconfig / global analyzer config, parsed.
/// Malformed items are skipped, never thrown on: the IDE feeds half-typed config too.
/// </summary>
internal sealed class LazyMigrateOptions
{
    public const string HeavyAssembliesKey = "lazymigrate.heavy_assemblies";
    public const string NotHeavyAssembliesKey = "lazymigrate.not_heavy_assemblies";
    public const string HeavyTypesKey = "lazymigrate.heavy_types";
    public const string StartupMethodsKey = "lazymigrate.startup_methods";
    public const string ReadyMethodsKey = "lazymigrate.ready_methods";

    /// <summary>Which LZM0003 rewrite comes first (the IDE default, Fix All, dotnet format): <c>factory_registration</c> or <c>lazy_value_move</c>.</summary>
    public const string LZM0003PreferredFixKey = "lazymigrate.lzm0003.preferred_fix";

    /// <summary>The default of <see cref="LZM0003PreferredFixKey"/>: the smallest correct change.</summary>
    public const string FactoryRegistrationFix = "factory_registration";

    /// <summary>The opt-in value of <see cref="LZM0003PreferredFixKey"/>: the registration becomes a lazy static.</summary>
    public const string LazyValueMoveFix = "lazy_value_move";

    /// <summary>
    /// Where the LZM0002 and LZM0004 fixes may move a web app's startup statement that runs for its effect
    /// before the server starts: <c>keep</c> (no fix) or <c>before_first_request</c>.
    /// </summary>
    public const string WebStartupWorkKey = "lazymigrate.web_startup_work";

    /// <summary>The default of <see cref="WebStartupWorkKey"/>: such statements stay where they are.</summary>
    public const string KeepWebStartupWork = "keep";

    /// <summary>The opt-in value of <see cref="WebStartupWorkKey"/>: the statement runs once, before the first request is served.</summary>
    public const string BeforeFirstRequest = "before_first_request";

    /// <summary>
    /// True when the options for <paramref name="tree"/> (its own, else the global ones) ask for the
    /// lazy-value move as the first LZM0003 fix.
    /// </summary>
    public static bool PrefersLazyValueMove(AnalyzerConfigOptionsProvider provider, SyntaxTree? tree)
        => HasValue(provider, tree, LZM0003PreferredFixKey, LazyValueMoveFix);

    /// <summary>True when the options for <paramref name="tree"/> let the fixes move a web app's startup work before the first request.</summary>
    public static bool MovesWebStartupWork(AnalyzerConfigOptionsProvider provider, SyntaxTree? tree)
        => HasValue(provider, tree, WebStartupWorkKey, BeforeFirstRequest);

    private static bool HasValue(AnalyzerConfigOptionsProvider provider, SyntaxTree? tree, string key, string expected)
    {
        if ((tree is null || !provider.GetOptions(tree).TryGetValue(key, out var value))
            && !provider.GlobalOptions.TryGetValue(key, out value))
        {
            return false;
        }

        return string.Equals(value.Trim(), expected, StringComparison.OrdinalIgnoreCase);
    }

    private static readonly string[] s_keys = { HeavyAssembliesKey, NotHeavyAssembliesKey, HeavyTypesKey, StartupMethodsKey, ReadyMethodsKey };

    public static readonly LazyMigrateOptions Empty = new(
        ImmutableArray<string>.Empty, ImmutableArray<string>.Empty, NamePatterns.Empty, NamePatterns.Empty, NamePatterns.Empty);

    private LazyMigrateOptions(
        ImmutableArray<string> heavyAssemblies,
        ImmutableArray<string> notHeavyAssemblies,
        NamePatterns heavyTypes,
        NamePatterns startupMethods,
        NamePatterns readyMethods)
    {
        HeavyAssemblies = heavyAssemblies;
        NotHeavyAssemblies = notHeavyAssemblies;
        HeavyTypes = heavyTypes;
        StartupMethods = startupMethods;
        ReadyMethods = readyMethods;
    }

    /// <summary>Assembly name patterns the user marks heavy (<c>*</c> suffix = prefix).</summary>
    public ImmutableArray<string> HeavyAssemblies { get; }

    /// <summary>Assembly or catalog package names (patterns) the user marks not heavy.</summary>
    public ImmutableArray<string> NotHeavyAssemblies { get; }

    /// <summary>Type full metadata names, or namespace prefixes written <c>Ns.*</c>.</summary>
    public NamePatterns HeavyTypes { get; }

    /// <summary>Methods (<c>Ns.Type.Method</c> or <c>Ns.Type.*</c>) the user declares as startup methods.</summary>
    public NamePatterns StartupMethods { get; }

    /// <summary>Methods whose call ends the startup phase.</summary>
    public NamePatterns ReadyMethods { get; }

    /// <summary>True when the user configured anything that can make a type heavy.</summary>
    public bool AddsHeavyThings => !HeavyAssemblies.IsEmpty || !HeavyTypes.IsEmpty;

    /// <summary>
    /// A string that identifies the raw configuration: equal keys mean equal options, so parsed
    /// options (and the heavy-type resolver built from them) are shared between trees.
    /// </summary>
    public static string RawKey(AnalyzerConfigOptions options)
    {
        var parts = new string[s_keys.Length];
        for (var i = 0; i < s_keys.Length; i++)
        {
            parts[i] = options.TryGetValue(s_keys[i], out var value) ? value : string.Empty;
        }

        return string.Join("\u0001", parts);
    }

    /// <summary>The options that apply to <paramref name="tree"/>: its own, falling back to the global ones.</summary>
    public static AnalyzerConfigOptions For(AnalyzerConfigOptionsProvider provider, SyntaxTree? tree)
    {
        if (tree is null)
        {
            return provider.GlobalOptions;
        }

        var treeOptions = provider.GetOptions(tree);
        foreach (var key in s_keys)
        {
            if (treeOptions.TryGetValue(key, out _))
            {
                return treeOptions;
            }
        }

        return provider.GlobalOptions;
    }

    public static LazyMigrateOptions Parse(AnalyzerConfigOptions options)
    {
        return new LazyMigrateOptions(
            ParseList(options, HeavyAssembliesKey, IsValidAssemblyPattern),
            ParseList(options, NotHeavyAssembliesKey, IsValidAssemblyPattern),
            NamePatterns.Create(ParseList(options, HeavyTypesKey, IsValidDottedPattern)),
            NamePatterns.Create(ParseList(options, StartupMethodsKey, IsValidDottedPattern)),
            NamePatterns.Create(ParseList(options, ReadyMethodsKey, IsValidDottedPattern)));
    }

    private static ImmutableArray<string> ParseList(AnalyzerConfigOptions options, string key, Func<string, bool> isValid)
    {
        if (!options.TryGetValue(key, out var raw) || string.IsNullOrWhiteSpace(raw))
        {
            return ImmutableArray<string>.Empty;
        }

        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var part in raw.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var item = part.Trim();
            if (item.Length > 0 && isValid(item))
            {
                builder.Add(item);
            }
        }

        return builder.ToImmutable();
    }

    // Assembly names: letters, digits, '.', '-', '_', and an optional trailing '*'.
    private static bool IsValidAssemblyPattern(string item)
    {
        for (var i = 0; i < item.Length; i++)
        {
            var c = item[i];
            var ok = char.IsLetterOrDigit(c) || c == '.' || c == '-' || c == '_' || (c == '*' && i == item.Length - 1);
            if (!ok)
            {
                return false;
            }
        }

        return item != "*";
    }

    // Dotted names: identifiers separated by '.', '`' and '+' allowed (metadata names), optional trailing ".*".
    private static bool IsValidDottedPattern(string item)
    {
        var body = item.EndsWith(".*", StringComparison.Ordinal) ? item.Substring(0, item.Length - 2) : item;
        if (body.Length == 0 || body[0] == '.' || body[body.Length - 1] == '.' || body.Contains(".."))
        {
            return false;
        }

        foreach (var c in body)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_' || c == '.' || c == '`' || c == '+'))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>A set of dotted names: exact names and prefixes written <c>Prefix.*</c>.</summary>
internal sealed class NamePatterns
{
    public static readonly NamePatterns Empty = new(new HashSet<string>(StringComparer.Ordinal), ImmutableArray<string>.Empty);

    private readonly HashSet<string> _exact;
    private readonly ImmutableArray<string> _prefixes;

    private NamePatterns(HashSet<string> exact, ImmutableArray<string> prefixes)
    {
        _exact = exact;
        _prefixes = prefixes;
    }

    public bool IsEmpty => _exact.Count == 0 && _prefixes.IsEmpty;

    public static NamePatterns Create(ImmutableArray<string> items)
    {
        var exact = new HashSet<string>(StringComparer.Ordinal);
        var prefixes = ImmutableArray.CreateBuilder<string>();
        foreach (var item in items)
        {
            if (item.EndsWith(".*", StringComparison.Ordinal))
            {
                // "Ns.*" matches "Ns.X" and "Ns.Sub.X": keep the trailing dot.
                prefixes.Add(item.Substring(0, item.Length - 1));
            }
            else
            {
                exact.Add(item);
            }
        }

        return new NamePatterns(exact, prefixes.ToImmutable());
    }

    public bool Matches(string name)
    {
        if (_exact.Contains(name))
        {
            return true;
        }

        foreach (var prefix in _prefixes)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
