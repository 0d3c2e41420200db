using LazyMigrate.Analyzers;

namespace LazyMigrate.CodeFixes.Infrastructure;

/// <summary>
/// Why a rule has no code fix at all, in words for a batch run's list of findings left unfixed
/// (the rule pages say the same under "Code fix").
/// </summary>
public static class RulesWithoutFix
{
    /// <summary>The reason <paramref name="ruleId"/> has no fix; a generic sentence for rules not listed.</summary>
    public static string Reason(string ruleId) => ruleId switch
    {
        RuleIds.UnreferencedLazyAssembly =>
            "LZM0007 has no fix: only the author knows the right assembly name, or that the package should be referenced",
        _ => $"{ruleId} has no code fix",
    };
}
