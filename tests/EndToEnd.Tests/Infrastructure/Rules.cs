namespace LazyMigrate.EndToEnd.Tests.Infrastructure;

/// <summary>Rule ids grouped the way the severity presets treat them (docs/packages.md).</summary>
public static class Rules
{
    public static readonly string[] All = { "LZM0001", "LZM0002", "LZM0003", "LZM0004", "LZM0005", "LZM0006", "LZM0007", "LZM0008" };

    /// <summary>Warnings in the default preset (the descriptors' own severity).</summary>
    public static readonly string[] DefaultWarnings = { "LZM0001", "LZM0002", "LZM0003", "LZM0006", "LZM0007", "LZM0008" };

    /// <summary>Suggestions (info) in the default preset; warnings in strict.</summary>
    public static readonly string[] DefaultSuggestions = { "LZM0004", "LZM0005" };
}
