namespace LazyMigrate.Analyzers.Infrastructure;

/// <summary>Why a method body is on the startup path (the LZM0002 "StartupKind" property value).</summary>
internal enum StartupKind
{
    /// <summary>A static <c>Main</c> method.</summary>
    EntryPoint,

    /// <summary>Top-level statements.</summary>
    TopLevel,

    /// <summary>A [ModuleInitializer] method.</summary>
    ModuleInitializer,

    /// <summary><c>Startup.ConfigureServices/Configure</c> or a host-builder configuration lambda.</summary>
    HostConfiguration,

    /// <summary>A hosted service's constructor, <c>StartAsync</c>, or <c>ExecuteAsync</c> up to its first await.</summary>
    HostedService,

    /// <summary>A method named in <c>lazymigrate.startup_methods</c>.</summary>
    Configured,
}
