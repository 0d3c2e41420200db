using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LazyMigrate.Analyzers.Infrastructure;

/// <summary>
/// Recognizes test projects. A test project has no startup path of its own: its fixtures build the app's
/// services because the tests are about to use them, and a test host's start is not an app's time to ready.
/// The startup rules (LZM0001 to LZM0006 and LZM0008) therefore analyze nothing in one.
/// </summary>
internal static class TestProjects
{
    /// <summary>The MSBuild property the test SDK sets; the analyzers package makes it visible to analyzers.</summary>
    public const string IsTestProjectProperty = "build_property.IsTestProject";

    // Compile references a test framework brings. Used when the build property is not visible, as in the CLI,
    // whose MSBuildWorkspace loads projects that do not reference the analyzers package.
    private static readonly string[] s_testFrameworkAssemblies =
    {
        "xunit.core", "xunit.v3.core", "xunit.abstractions",
        "nunit.framework",
        "Microsoft.VisualStudio.TestPlatform.TestFramework",
        "Microsoft.VisualStudio.TestPlatform.ObjectModel",
        "Microsoft.TestPlatform.CoreUtilities",
    };

    /// <summary>
    /// True when the compilation belongs to a test project: <c>IsTestProject</c> is <c>true</c>, or, when the
    /// property is not set, the compilation references a test framework (xunit, NUnit, MSTest, the test SDK).
    /// An explicit <c>IsTestProject=false</c> wins over the references.
    /// </summary>
    public static bool IsTestProject(Compilation compilation, AnalyzerConfigOptionsProvider options)
    {
        if (options.GlobalOptions.TryGetValue(IsTestProjectProperty, out var value) && value.Trim().Length > 0)
        {
            return string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        }

        foreach (var identity in compilation.ReferencedAssemblyNames)
        {
            foreach (var name in s_testFrameworkAssemblies)
            {
                if (string.Equals(identity.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
