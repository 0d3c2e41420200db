using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LazyMigrate.CodeFixes.Infrastructure;

/// <summary>The kinds of names the fixes generate.</summary>
internal enum NameKind
{
    Field,
    Property,
    Method,
    NestedClass,
    Local,
    Parameter,
}

/// <summary>
/// Names for generated members, spelled the way the file's own code is (docs/configuration.md,
/// "Names of generated members"): by the project's .editorconfig naming rules when one applies
/// to the generated symbol, else, for private fields, like the existing private fields of the same
/// kind (static or instance) in the type, then in the file, else <c>s_camelCase</c> (static) and
/// <c>_camelCase</c> (instance); methods, properties and nested classes are PascalCase, locals and
/// parameters camelCase. A name never collides with a member of the type (partial parts, base
/// types), the type itself, the names the caller reserved, or names picked earlier by the same
/// instance; on a collision the next candidate the caller derived from the code is taken, never a
/// numeric suffix. When every candidate is taken the fix is skipped (<see cref="FixSkippedException"/>).
/// </summary>
internal sealed class MemberNames
{
    private readonly IReadOnlyDictionary<string, string> _options;
    private readonly INamedTypeSymbol? _type;
    private readonly SyntaxTree _tree;
    private readonly HashSet<string> _taken;
    private readonly string? _replacing;

    private MemberNames(IReadOnlyDictionary<string, string> options, INamedTypeSymbol? type, SyntaxTree tree, IEnumerable<string>? taken, string? replacing)
    {
        _options = options;
        _type = type;
        _tree = tree;
        _replacing = replacing;
        _taken = new HashSet<string>(taken ?? Enumerable.Empty<string>(), StringComparer.Ordinal);
        for (var t = type; t is not null; t = t.BaseType)
        {
            _taken.UnionWith(t.MemberNames);
        }

        if (type is not null)
        {
            _taken.Add(type.Name);
        }
    }

    /// <summary>
    /// Names for members of <paramref name="type"/> generated from code in <paramref name="document"/>.
    /// <paramref name="taken"/>: further names to avoid (identifiers in scope). <paramref name="replacing"/>:
    /// the member being rewritten, whose own name is no evidence of the file's style.
    /// </summary>
    public static MemberNames For(Document document, SyntaxTree tree, INamedTypeSymbol? type, IEnumerable<string>? taken = null, string? replacing = null)
        => new(ReadOptions(document, tree), type, tree, taken, replacing);

    /// <summary>The style of a private generated symbol of <paramref name="kind"/>.</summary>
    public NamingStyle Style(NameKind kind, bool isStatic, bool isReadOnly = false)
    {
        var configured = ConfiguredStyle(kind, isStatic, isReadOnly);
        if (configured is not null)
        {
            return configured;
        }

        return kind switch
        {
            NameKind.Field => InferFieldStyle(isStatic) ?? new NamingStyle(isStatic ? "s_" : "_", string.Empty, string.Empty, NameCapitalization.Camel),
            NameKind.Local or NameKind.Parameter => NamingStyle.Camel,
            _ => NamingStyle.Pascal,
        };
    }

    /// <summary><paramref name="stem"/> in the style of <paramref name="kind"/> (not reserved).</summary>
    public string Spell(NameKind kind, bool isStatic, string stem, bool isReadOnly = false) => Style(kind, isStatic, isReadOnly).Apply(stem);

    /// <summary>True when <paramref name="name"/> would collide.</summary>
    public bool IsTaken(string name)
        => _taken.Contains(name)
            || SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None;

    /// <summary>
    /// The first of <paramref name="stems"/>, spelled in the style of <paramref name="kind"/>, that is free;
    /// it is reserved for later picks. Throws <see cref="FixSkippedException"/> when all are taken.
    /// </summary>
    public string Pick(NameKind kind, bool isStatic, params string[] stems) => Pick(kind, isStatic, false, stems);

    /// <inheritdoc cref="Pick(NameKind, bool, string[])"/>
    public string Pick(NameKind kind, bool isStatic, bool isReadOnly, params string[] stems)
    {
        var style = Style(kind, isStatic, isReadOnly);
        return Reserve(stems.Select(style.Apply).Distinct());
    }

    /// <summary>The first free one of <paramref name="names"/> (spelled already), reserved; throws when all are taken.</summary>
    public string Reserve(IEnumerable<string> names)
    {
        var list = names.ToList();
        foreach (var name in list)
        {
            if (!IsTaken(name))
            {
                _taken.Add(name);
                return name;
            }
        }

        throw new FixSkippedException($"no free name for a generated member ({string.Join(", ", list)} are all taken)");
    }

    /// <summary>The style an .editorconfig naming rule gives a private generated symbol, or null.</summary>
    private NamingStyle? ConfiguredStyle(NameKind kind, bool isStatic, bool isReadOnly)
    {
        var kindName = kind switch
        {
            NameKind.Field => "field",
            NameKind.Property => "property",
            NameKind.Method => "method",
            NameKind.NestedClass => "class",
            NameKind.Local => "local",
            _ => "parameter",
        };
        var local = kind is NameKind.Local or NameKind.Parameter;
        var rules = new List<(string Rule, string[] Kinds, string[] Accessibilities, string[] Modifiers, NamingStyle Style)>();
        foreach (var key in _options.Keys)
        {
            if (!key.StartsWith("dotnet_naming_rule.", StringComparison.Ordinal) || !key.EndsWith(".symbols", StringComparison.Ordinal))
            {
                continue;
            }

            var rule = key.Substring("dotnet_naming_rule.".Length, key.Length - "dotnet_naming_rule.".Length - ".symbols".Length);
            if (!_options.TryGetValue($"dotnet_naming_rule.{rule}.style", out var styleName)
                || (_options.TryGetValue($"dotnet_naming_rule.{rule}.severity", out var severity) && severity.Trim() == "none"))
            {
                continue;
            }

            var style = NamingStyle.FromEditorConfig(_options, styleName.Trim());
            if (style is null)
            {
                continue;
            }

            var symbols = _options[key].Trim();
            rules.Add((rule, List($"dotnet_naming_symbols.{symbols}.applicable_kinds"), List($"dotnet_naming_symbols.{symbols}.applicable_accessibilities"),
                List($"dotnet_naming_symbols.{symbols}.required_modifiers"), style));
        }

        // The most specific rule wins: named accessibilities before "*", more required modifiers
        // before fewer, named kinds before "*" (the order Roslyn's own naming analyzer uses), then by rule name.
        var ordered = rules
            .OrderBy(r => r.Accessibilities.Length == 0 || r.Accessibilities.Contains("*") ? 1 : 0)
            .ThenByDescending(r => r.Modifiers.Length)
            .ThenBy(r => r.Kinds.Length == 0 || r.Kinds.Contains("*") ? 1 : 0)
            .ThenBy(r => r.Rule, StringComparer.Ordinal);
        foreach (var rule in ordered)
        {
            var kindMatches = rule.Kinds.Length == 0 || rule.Kinds.Contains("*") || rule.Kinds.Contains(kindName);
            var accessibilityMatches = rule.Accessibilities.Length == 0 || rule.Accessibilities.Contains("*")
                || rule.Accessibilities.Contains(local ? "local" : "private");
            var modifiersMatch = rule.Modifiers.All(m => m switch
            {
                "static" or "shared" => isStatic,
                "readonly" => isReadOnly,
                _ => false,
            });
            if (kindMatches && accessibilityMatches && modifiersMatch)
            {
                return rule.Style;
            }
        }

        return null;

        string[] List(string key) => _options.TryGetValue(key, out var value)
            ? value.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0).ToArray()
            : Array.Empty<string>();
    }

    /// <summary>The style of the private fields of the same kind in the type, else in the file.</summary>
    private NamingStyle? InferFieldStyle(bool isStatic)
    {
        bool Matches(FieldDeclarationSyntax field)
            => field.Modifiers.Any(SyntaxKind.StaticKeyword) == isStatic
                && !field.Modifiers.Any(SyntaxKind.ConstKeyword)
                && !field.Modifiers.Any(m => m.IsKind(SyntaxKind.PublicKeyword) || m.IsKind(SyntaxKind.InternalKeyword) || m.IsKind(SyntaxKind.ProtectedKeyword));

        // A readonly field named like a constant ("Shared", often a value about to become a
        // property) says nothing about the style of the file's fields.
        IEnumerable<string> NamesIn(IEnumerable<FieldDeclarationSyntax> fields)
            => fields.Where(Matches)
                .SelectMany(f => f.Declaration.Variables.Select(v => v.Identifier.ValueText)
                    .Where(n => !(f.Modifiers.Any(SyntaxKind.ReadOnlyKeyword) && n.Length > 0 && char.IsUpper(n[0]))))
                .Where(n => n != _replacing);

        if (_type is not null)
        {
            var inType = _type.DeclaringSyntaxReferences
                .Select(r => r.GetSyntax())
                .OfType<TypeDeclarationSyntax>()
                .SelectMany(t => t.Members.OfType<FieldDeclarationSyntax>());
            var style = NamingStyle.Infer(NamesIn(inType));
            if (style is not null)
            {
                return style;
            }
        }

        return NamingStyle.Infer(NamesIn(_tree.GetRoot().DescendantNodes().OfType<FieldDeclarationSyntax>()));
    }

    private static IReadOnlyDictionary<string, string> ReadOptions(Document document, SyntaxTree tree)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var options = document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(tree);
        foreach (var key in options.Keys)
        {
            if (key.StartsWith("dotnet_naming_", StringComparison.Ordinal) && options.TryGetValue(key, out var value))
            {
                result[key] = value;
            }
        }

        return result;
    }
}
