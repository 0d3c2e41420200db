// Eval stand-in, copied in by eval/patches/TodoApi.sh: the packages AspNet.Security.OAuth.GitHub,
// Microsoft.AspNetCore.Authentication.MicrosoftAccount and Auth0.AspNetCore.Authentication are not served
// by the package mirror the evaluation runs against. Todo.Web.Server's AuthenticationExtensions uses one
// registration method of each (plus Auth0's options and scheme name); these give them the same names and
// shapes on top of the framework's OAuth and OpenID Connect handlers, so the app's own code compiles
// unchanged. A provider is only registered when its configuration section exists.
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;

namespace Microsoft.Extensions.DependencyInjection
{
    public static class EvalExternalProviderExtensions
    {
        public static AuthenticationBuilder AddGitHub(this AuthenticationBuilder builder, Action<OAuthOptions> configure) =>
            builder.AddOAuth("GitHub", options =>
            {
                options.AuthorizationEndpoint = "https://github.com/login/oauth/authorize";
                options.TokenEndpoint = "https://github.com/login/oauth/access_token";
                options.UserInformationEndpoint = "https://api.github.com/user";
                options.CallbackPath = "/signin-github";
                configure(options);
            });

        public static AuthenticationBuilder AddMicrosoftAccount(this AuthenticationBuilder builder, Action<OAuthOptions> configure) =>
            builder.AddOAuth("Microsoft", options =>
            {
                options.AuthorizationEndpoint = "https://login.microsoftonline.com/common/oauth2/v2.0/authorize";
                options.TokenEndpoint = "https://login.microsoftonline.com/common/oauth2/v2.0/token";
                options.UserInformationEndpoint = "https://graph.microsoft.com/v1.0/me";
                options.CallbackPath = "/signin-microsoft";
                configure(options);
            });
    }
}

namespace Auth0.AspNetCore.Authentication
{
    public static class Auth0Constants
    {
        public const string AuthenticationScheme = "Auth0";
    }

    public class Auth0WebAppOptions
    {
        public string Domain { get; set; } = string.Empty;
        public string ClientId { get; set; } = string.Empty;
        public string? ClientSecret { get; set; }
        public bool SkipCookieMiddleware { get; set; }
    }

    public class Auth0WebAppWithAccessTokenOptions
    {
        public string? Audience { get; set; }
    }

    public sealed class Auth0WebAppAuthenticationBuilder(Auth0WebAppOptions options)
    {
        public Auth0WebAppOptions Options { get; } = options;

        public Auth0WebAppAuthenticationBuilder WithAccessToken(Action<Auth0WebAppWithAccessTokenOptions> configure)
        {
            configure(new Auth0WebAppWithAccessTokenOptions());
            return this;
        }
    }

    public static class EvalAuth0Extensions
    {
        public static Auth0WebAppAuthenticationBuilder AddAuth0WebAppAuthentication(this AuthenticationBuilder builder, Action<Auth0WebAppOptions> configure)
        {
            var auth0 = new Auth0WebAppOptions();
            configure(auth0);
            builder.AddOpenIdConnect(Auth0Constants.AuthenticationScheme, oidc =>
            {
                oidc.Authority = $"https://{auth0.Domain}";
                oidc.ClientId = auth0.ClientId;
                oidc.ClientSecret = auth0.ClientSecret;
            });
            return new Auth0WebAppAuthenticationBuilder(auth0);
        }
    }
}
