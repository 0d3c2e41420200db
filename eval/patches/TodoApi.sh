#!/usr/bin/env bash
# Restore patches for TodoApi; each is explained in ../expectations/TodoApi.md.
set -euo pipefail
python3 "$(dirname "$0")/../lib/retarget.py" "$1" \
  --tfm net10.0 \
  --drop-global-json \
  --remove AspNet.Security.OAuth.GitHub \
  --remove Auth0.AspNetCore.Authentication \
  --remove Microsoft.AspNetCore.Authentication.MicrosoftAccount \
  --remove MiniValidation \
  --set Aspire.Hosting.AppHost=13.6.5 \
  --set Microsoft.AspNetCore.Authentication.Google=10.0.15 \
  --set Microsoft.AspNetCore.Components.WebAssembly=10.0.15 \
  --set Microsoft.AspNetCore.Components.WebAssembly.DevServer=10.0.15 \
  --set Microsoft.AspNetCore.Components.WebAssembly.Server=10.0.15 \
  --set Microsoft.AspNetCore.Identity.EntityFrameworkCore=10.0.15 \
  --set Microsoft.AspNetCore.Mvc.Testing=10.0.15 \
  --set Microsoft.AspNetCore.OpenApi=10.0.15 \
  --set Microsoft.EntityFrameworkCore.Design=10.0.15 \
  --set Microsoft.EntityFrameworkCore.InMemory=10.0.15 \
  --set Microsoft.EntityFrameworkCore.Sqlite=10.0.15 \
  --set Microsoft.Extensions.ServiceDiscovery.Yarp=10.0.0 \
  --set Microsoft.Extensions.ServiceDiscovery=10.0.0 \
  --set Microsoft.Extensions.Http.Resilience=10.0.0 \
  --set Microsoft.Extensions.Http=10.0.0 \
  --set Microsoft.NET.Test.Sdk=18.12.0 \
  --set Microsoft.OpenApi=2.13.1 \
  --set OpenTelemetry.Exporter.OpenTelemetryProtocol=1.21.0 \
  --set OpenTelemetry.Instrumentation.AspNetCore=1.21.0 \
  --set OpenTelemetry.Instrumentation.Http=1.21.0 \
  --set OpenTelemetry.Instrumentation.Runtime=1.21.0 \
  --set Scalar.AspNetCore=3.0.0 \
  --set Yarp.ReverseProxy=2.3.0
# The Aspire app host SDK 9.0.0 is not served; 13.6.4 is.
sed -i 's#<Sdk Name="Aspire.AppHost.Sdk" Version="9.0.0" />#<Sdk Name="Aspire.AppHost.Sdk" Version="13.6.4" />#' "$1/TodoApp.AppHost/TodoApp.AppHost.csproj"
echo "  TodoApp.AppHost/TodoApp.AppHost.csproj: Aspire.AppHost.Sdk 9.0.0 -> 13.6.4"
# Aspire 13 warns ASPIRE010 (no CLI bundle) when the app host is evaluated; the loader treats that
# warning as a load failure and aborts the whole solution, so it is suppressed in the app host.
sed -i '0,/<PropertyGroup>/s##<PropertyGroup>\n    <NoWarn>$(NoWarn);ASPIRE010</NoWarn>\n    <MSBuildWarningsAsMessages>$(MSBuildWarningsAsMessages);ASPIRE010</MSBuildWarningsAsMessages>#' "$1/TodoApp.AppHost/TodoApp.AppHost.csproj"
echo "  TodoApp.AppHost/TodoApp.AppHost.csproj: NoWarn ASPIRE010"
