// Eval stand-in, copied in by eval/patches/BDSAProject.sh: the Microsoft.Authentication.WebAssembly.Msal
// package is not served by the package mirror the evaluation runs against. BlazorApp's Program.cs calls
// AddMsalAuthentication and sets options.ProviderOptions.Authentication and .DefaultAccessTokenScopes; this
// declares those with the same shapes on top of the framework's remote authentication (served), so the
// app's own code compiles unchanged.
using Microsoft.AspNetCore.Components.WebAssembly.Authentication;
using Microsoft.Authentication.WebAssembly.Msal.Models;

namespace Microsoft.Authentication.WebAssembly.Msal.Models
{
    public class MsalAuthenticationOptions
    {
        public string? ClientId { get; set; }
        public string? Authority { get; set; }
        public bool ValidateAuthority { get; set; } = true;
        public string? RedirectUri { get; set; }
        public string? PostLogoutRedirectUri { get; set; }
        public IList<string> KnownAuthorities { get; set; } = new List<string>();
    }

    public class MsalProviderOptions
    {
        public MsalAuthenticationOptions Authentication { get; set; } = new();
        public IList<string> DefaultAccessTokenScopes { get; set; } = new List<string>();
        public IList<string> AdditionalScopesToConsent { get; set; } = new List<string>();
        public string LoginMode { get; set; } = "popup";
    }
}

namespace Microsoft.Extensions.DependencyInjection
{
    public static class EvalMsalServiceCollectionExtensions
    {
        public static IRemoteAuthenticationBuilder<RemoteAuthenticationState, RemoteUserAccount> AddMsalAuthentication(
            this IServiceCollection services, Action<RemoteAuthenticationOptions<MsalProviderOptions>> configure) =>
            services.AddRemoteAuthentication<RemoteAuthenticationState, RemoteUserAccount, MsalProviderOptions>(configure);
    }
}
