namespace LazyMigrate.CodeFixes;

/// <summary>
/// The diagnostic ids the fixes handle. Kept as literals here (not taken from the analyzer's
/// descriptor catalog) so a renamed descriptor class cannot silently unhook a fixer.
/// </summary>
internal static class RuleIds
{
    public const string StaticInitializer = "LZM0001";
    public const string StartupPath = "LZM0002";
    public const string EagerSingleton = "LZM0003";
    public const string JitLoadedType = "LZM0005";
    public const string ForcedProxy = "LZM0006";
}
