#!/usr/bin/env bash
# Restore patches for TodoApi; each is explained in ../expectations/TodoApi.md.
set -euo pipefail
python3 "$(dirname "$0")/../lib/retarget.py" "$1" \
  --drop-global-json \
  --remove AspNet.Security.OAuth.GitHub \
  --remove Auth0.AspNetCore.Authentication \
  --remove Microsoft.AspNetCore.Authentication.MicrosoftAccount \
  --remove MiniValidation \
  --set Aspire.Hosting.AppHost=13.6.5 \
  --set Microsoft.AspNetCore.Authentication.Google=9.0.23 \
  --set Microsoft.AspNetCore.Components.WebAssembly=9.0.23 \
  --set Microsoft.AspNetCore.Components.WebAssembly.DevServer=9.0.23 \
  --set Microsoft.AspNetCore.Components.WebAssembly.Server=9.0.23 \
  --set Microsoft.AspNetCore.Identity.EntityFrameworkCore=9.0.23 \
  --set Microsoft.AspNetCore.Mvc.Testing=9.0.23 \
  --set Microsoft.AspNetCore.OpenApi=9.0.23 \
  --set Microsoft.EntityFrameworkCore.Design=9.0.23 \
  --set Microsoft.EntityFrameworkCore.InMemory=9.0.23 \
  --set Microsoft.EntityFrameworkCore.Sqlite=9.0.23 \
  --set Microsoft.Extensions.ServiceDiscovery.Yarp=10.0.0 \
  --set Microsoft.Extensions.ServiceDiscovery=9.0.0 \
  --set Microsoft.Extensions.Http.Resilience=9.0.0 \
  --set Microsoft.Extensions.Http=9.0.0 \
  --set Microsoft.NET.Test.Sdk=18.12.0 \
  --set Microsoft.OpenApi=1.6.31 \
  --set OpenTelemetry.Exporter.OpenTelemetryProtocol=1.17.0 \
  --set OpenTelemetry.Instrumentation.AspNetCore=1.15.2 \
  --set OpenTelemetry.Instrumentation.Http=1.19.0 \
  --set OpenTelemetry.Instrumentation.Runtime=1.20.0 \
  --set OpenTelemetry.Extensions.Hosting=1.17.0 \
  --set Scalar.AspNetCore=1.2.76 \
  --set Yarp.ReverseProxy=2.3.0
# The Aspire app host SDK 9.0.0 is not served; 13.6.4 is.
sed -i 's#<Sdk Name="Aspire.AppHost.Sdk" Version="9.0.0" />#<Sdk Name="Aspire.AppHost.Sdk" Version="13.6.4" />#' "$1/TodoApp.AppHost/TodoApp.AppHost.csproj"
echo "  TodoApp.AppHost/TodoApp.AppHost.csproj: Aspire.AppHost.Sdk 9.0.0 -> 13.6.4"
# Packages the mirror does not serve at all (MiniValidation, AspNet.Security.OAuth.GitHub,
# Microsoft.AspNetCore.Authentication.MicrosoftAccount, Auth0.AspNetCore.Authentication): the few members
# the app calls get source stand-ins of the same shape (standins/TodoApi/*.cs); the app's files are not edited.
# Auth0's package brought the OpenID Connect handler with it, so that package (served) is referenced directly.
standins="$(dirname "$0")/standins/TodoApi"
cp "$standins/MiniValidator.cs" "$1/Todo.Api/EvalStandIn.MiniValidator.cs"
echo "  Todo.Api/EvalStandIn.MiniValidator.cs: stand-in for MiniValidation added"
cp "$standins/ExternalAuthProviders.cs" "$1/Todo.Web/Server/EvalStandIn.ExternalAuthProviders.cs"
echo "  Todo.Web/Server/EvalStandIn.ExternalAuthProviders.cs: stand-in for the GitHub, Microsoft account and Auth0 providers added"
sed -i '0,/<\/ItemGroup>/s##  <PackageVersion Include="Microsoft.AspNetCore.Authentication.OpenIdConnect" Version="9.0.23" />\n  </ItemGroup>#' "$1/Directory.Packages.props"
sed -i '0,/<PackageReference /s##<PackageReference Include="Microsoft.AspNetCore.Authentication.OpenIdConnect" />\n    <PackageReference #' "$1/Todo.Web/Server/Todo.Web.Server.csproj"
echo "  Todo.Web/Server/Todo.Web.Server.csproj: Microsoft.AspNetCore.Authentication.OpenIdConnect 9.0.23 referenced"
