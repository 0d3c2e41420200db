using System.Reflection;

namespace LazyMigrate.Cli.Reporting;

/// <summary>Name and version of the tool, for reports.</summary>
public static class ToolInfo
{
    /// <summary>The command name.</summary>
    public const string Name = "lazymigrate";

    /// <summary>Where the rules are documented.</summary>
    public const string InformationUri = "https://github.com/lazymigrate/lazymigrate";

    /// <summary>The informational version of this assembly (without the source-revision suffix).</summary>
    public static string Version
    {
        get
        {
            var version = typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            var plus = version.IndexOf('+');
            return plus > 0 ? version.Substring(0, plus) : version;
        }
    }
}
