using System;
using System.Linq;
using LazyMigrate.Cli.Errors;
using Microsoft.Build.Locator;

namespace LazyMigrate.Cli.Workspace;

/// <summary>
/// Registers the MSBuild of the .NET SDK that <c>dotnet</c> resolves for the target folder (honouring
/// its global.json). Must run before any type that uses MSBuild is loaded, which is why the
/// workspace code lives in other classes that are only JIT-compiled after this has run.
/// </summary>
public static class MsBuildRegistration
{
    private static readonly object s_gate = new();

    /// <summary>The SDK folder registered, once registration has happened.</summary>
    public static string? RegisteredSdkPath { get; private set; }

    /// <summary>Registers the SDK for <paramref name="workingDirectory"/>, or throws <see cref="SdkNotFoundException"/>.</summary>
    public static void EnsureRegistered(string workingDirectory)
    {
        lock (s_gate)
        {
            if (MSBuildLocator.IsRegistered)
            {
                return;
            }

            VisualStudioInstance[] instances;
            try
            {
                instances = MSBuildLocator.QueryVisualStudioInstances(new VisualStudioInstanceQueryOptions
                {
                    DiscoveryTypes = DiscoveryType.DotNetSdk,
                    WorkingDirectory = workingDirectory,
                }).ToArray();
            }
            catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or DllNotFoundException or BadImageFormatException)
            {
                throw new SdkNotFoundException($"could not locate the .NET SDK (MSBuild): {ex.Message}");
            }

            if (instances.Length == 0)
            {
                throw new SdkNotFoundException(
                    $"no .NET SDK found for '{workingDirectory}': install the SDK that its global.json asks for, or put `dotnet` on PATH " +
                    "(run `dotnet --list-sdks` to see what is installed)");
            }

            var instance = instances[0];
            MSBuildLocator.RegisterInstance(instance);
            RegisteredSdkPath = instance.MSBuildPath;
        }
    }
}
