namespace LazyMigrate;

// A look-alike of LazyMigrate.Runtime's attribute: the analyzers match it by name, so projects that
// use only the analyzer package can mark heavy assemblies too.
[System.AttributeUsage(System.AttributeTargets.Assembly, AllowMultiple = true)]
internal sealed class HeavyAssemblyAttribute : System.Attribute
{
    public HeavyAssemblyAttribute(string assemblyName) => AssemblyName = assemblyName;

    public string AssemblyName { get; }
}
