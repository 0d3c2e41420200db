using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace LazyMigrate.AspNetCore;

/// <summary>
/// Validates <see cref="LazyLoadingOptions"/> at host start (<c>ValidateOnStart</c>), so a typo in
/// <c>appsettings.json</c> stops the host with a message naming the key and the accepted values
/// (an <see cref="OptionsValidationException"/>) instead of silently preloading nothing.
/// </summary>
public sealed class LazyLoadingOptionsValidator : IValidateOptions<LazyLoadingOptions>
{
    private readonly LazyPackageRegistry _registry;

    /// <summary>Creates the validator; package names are checked against <paramref name="registry"/>.</summary>
    public LazyLoadingOptionsValidator(LazyPackageRegistry registry)
    {
        _registry = registry;
    }

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, LazyLoadingOptions options)
    {
        var failures = new List<string>();
        var section = LazyLoadingOptions.SectionName;

        if (options.MaxParallelism < 1 || options.MaxParallelism > LazyLoadingOptions.MaxAllowedParallelism)
        {
            failures.Add($"{section}:MaxParallelism must be between 1 and {LazyLoadingOptions.MaxAllowedParallelism}; got {options.MaxParallelism}.");
        }

        if (options.DelayAfterReady < System.TimeSpan.Zero || options.DelayAfterReady > LazyLoadingOptions.MaxAllowedDelayAfterReady)
        {
            failures.Add($"{section}:DelayAfterReady must be between 00:00:00 and {LazyLoadingOptions.MaxAllowedDelayAfterReady}; got {options.DelayAfterReady}.");
        }

        if (options.MaxPriority < 1 || options.MaxPriority > 3)
        {
            failures.Add($"{section}:MaxPriority must be 1, 2 or 3; got {options.MaxPriority}.");
        }

        foreach (var packageName in options.Packages)
        {
            if (string.IsNullOrWhiteSpace(packageName))
            {
                failures.Add($"{section}:Packages contains an empty name.");
            }
            else if (!_registry.TryGet(packageName, out _))
            {
                failures.Add($"{section}:Packages names '{packageName}', which is not a registered package. Registered: {KnownNames()}.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private string KnownNames()
    {
        var names = new List<string>();
        foreach (var package in _registry.Packages)
        {
            names.Add(package.Name);
        }

        names.Sort(System.StringComparer.OrdinalIgnoreCase);
        return string.Join(", ", names);
    }
}
