using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace LazyMigrate.CodeFixes.Infrastructure;

/// <summary>How a kind of name is spelled: prefix, suffix, word separator and capitalization (<c>s_</c> + camelCase…).</summary>
internal sealed class NamingStyle
{
    public NamingStyle(string prefix, string suffix, string separator, NameCapitalization capitalization)
    {
        Prefix = prefix;
        Suffix = suffix;
        Separator = separator;
        Capitalization = capitalization;
    }

    public static NamingStyle Pascal { get; } = new(string.Empty, string.Empty, string.Empty, NameCapitalization.Pascal);

    public static NamingStyle Camel { get; } = new(string.Empty, string.Empty, string.Empty, NameCapitalization.Camel);

    public string Prefix { get; }

    public string Suffix { get; }

    public string Separator { get; }

    public NameCapitalization Capitalization { get; }

    /// <summary>The name for the words of <paramref name="stem"/> ("azureCredential", "LazySession"), spelled in this style.</summary>
    public string Apply(string stem)
    {
        var words = Words(stem);
        if (words.Count == 0)
        {
            words.Add("value");
        }

        var spelled = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            spelled.Add(Capitalization switch
            {
                NameCapitalization.Camel => i == 0 ? word.ToLowerInvariant() : Upper(word),
                NameCapitalization.FirstWordUpper => i == 0 ? Upper(word.ToLowerInvariant()) : word.ToLowerInvariant(),
                NameCapitalization.AllUpper => word.ToUpperInvariant(),
                NameCapitalization.AllLower => word.ToLowerInvariant(),
                _ => Upper(word),
            });
        }

        return Prefix + string.Join(Separator, spelled) + Suffix;
    }

    /// <summary>
    /// The words of an identifier without its field prefix: "s_azureCredential" → azure, Credential;
    /// "MLContext" → ML, Context; "max_retry_count" → max, retry, count.
    /// </summary>
    public static List<string> Words(string name)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var stem = Names.Stem(name);
        for (var i = 0; i < stem.Length; i++)
        {
            var c = stem[i];
            if (c == '_')
            {
                Flush();
                continue;
            }

            var startsWord = current.Length > 0 && char.IsUpper(c)
                && (!char.IsUpper(stem[i - 1]) || (i + 1 < stem.Length && char.IsLower(stem[i + 1])));
            if (startsWord)
            {
                Flush();
            }

            current.Append(c);
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }

    /// <summary>Reads an .editorconfig style (<c>dotnet_naming_style.NAME.*</c>), or null when it sets no capitalization.</summary>
    public static NamingStyle? FromEditorConfig(IReadOnlyDictionary<string, string> options, string styleName)
    {
        string Get(string key) => options.TryGetValue($"dotnet_naming_style.{styleName}.{key}", out var value) ? value.Trim() : string.Empty;
        var capitalization = Get("capitalization") switch
        {
            "pascal_case" => NameCapitalization.Pascal,
            "camel_case" => NameCapitalization.Camel,
            "first_word_upper" => NameCapitalization.FirstWordUpper,
            "all_upper" => NameCapitalization.AllUpper,
            "all_lower" => NameCapitalization.AllLower,
            _ => (NameCapitalization?)null,
        };
        return capitalization is null ? null : new NamingStyle(Get("required_prefix"), Get("required_suffix"), Get("word_separator"), capitalization.Value);
    }

    /// <summary>
    /// The style most of <paramref name="names"/> follow (field names of one kind, in declaration
    /// order; the first one wins a tie), or null when there are none.
    /// </summary>
    public static NamingStyle? Infer(IEnumerable<string> names)
    {
        var votes = new List<(string Prefix, NameCapitalization Capitalization)>();
        foreach (var name in names)
        {
            var prefix = name.StartsWith("s_", StringComparison.Ordinal) ? "s_"
                : name.StartsWith("m_", StringComparison.Ordinal) ? "m_"
                : name.StartsWith("t_", StringComparison.Ordinal) ? "t_"
                : name.StartsWith("_", StringComparison.Ordinal) ? "_"
                : string.Empty;
            var rest = name.Substring(prefix.Length);
            if (rest.Length == 0 || !char.IsLetter(rest[0]))
            {
                continue;
            }

            votes.Add((prefix, char.IsUpper(rest[0]) ? NameCapitalization.Pascal : NameCapitalization.Camel));
        }

        if (votes.Count == 0)
        {
            return null;
        }

        var winner = votes.GroupBy(v => v).OrderByDescending(g => g.Count()).First().Key;
        return new NamingStyle(winner.Prefix, string.Empty, string.Empty, winner.Capitalization);
    }

    private static string Upper(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word.Substring(1);
}

/// <summary>The capitalizations .editorconfig naming styles know.</summary>
internal enum NameCapitalization
{
    Pascal,
    Camel,
    FirstWordUpper,
    AllUpper,
    AllLower,
}
