// Eval stand-in, copied into src/Web by eval/patches/CleanArchitecture.sh: the package
// Azure.Extensions.AspNetCore.Configuration.Secrets is not served by the package mirror the evaluation
// runs against. Web's AddKeyVaultIfConfigured calls its AddAzureKeyVault(Uri, TokenCredential) only when
// AZURE_KEY_VAULT_ENDPOINT is set; this declares that method with the same shape so the app's own code
// compiles unchanged. It has no Key Vault client behind it and says so if it is ever called.
using Azure.Core;

namespace Microsoft.Extensions.Configuration;

public static class EvalAzureKeyVaultConfigurationExtensions
{
    public static IConfigurationBuilder AddAzureKeyVault(this IConfigurationBuilder configurationBuilder, Uri vaultUri, TokenCredential credential) =>
        throw new NotSupportedException($"The evaluation stand-in cannot read Key Vault {vaultUri} (credential {credential.GetType().Name}); unset AZURE_KEY_VAULT_ENDPOINT.");
}
