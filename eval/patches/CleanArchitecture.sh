#!/usr/bin/env bash
# Restore patches for CleanArchitecture; each is explained in ../expectations/CleanArchitecture.md.
set -euo pipefail
python3 "$(dirname "$0")/../lib/retarget.py" "$1" \
  --remove Aspire.Hosting.Azure.AppContainers \
  --remove Aspire.Hosting.Azure.PostgreSQL \
  --remove Aspire.Hosting.Azure.Sql \
  --remove Aspire.Hosting.JavaScript \
  --remove Aspire.Microsoft.EntityFrameworkCore.SqlServer \
  --remove Azure.Extensions.AspNetCore.Configuration.Secrets \
  --remove CommunityToolkit.Aspire.Hosting.SQLite \
  --remove MediatR.Contracts \
  --remove Reqnroll.NUnit \
  --set Aspire.Hosting.AppHost=13.6.5 \
  --set Aspire.Hosting.Testing=13.6.5 \
  --set Aspire.Npgsql.EntityFrameworkCore.PostgreSQL=13.6.5 \
  --set AutoMapper=14.0.0 \
  --set MediatR=5.1.0 \
  --set Microsoft.AspNetCore.OpenApi=10.0.15 \
  --set Microsoft.AspNetCore.Diagnostics.EntityFrameworkCore=10.0.15 \
  --set Microsoft.AspNetCore.Identity.EntityFrameworkCore=10.0.15 \
  --set Microsoft.EntityFrameworkCore=10.0.15 \
  --set Microsoft.EntityFrameworkCore.Design=10.0.15 \
  --set Microsoft.EntityFrameworkCore.Sqlite=10.0.15 \
  --set Microsoft.Extensions.Diagnostics.HealthChecks.EntityFrameworkCore=10.0.15 \
  --set Microsoft.Build.Tasks.Core=18.0.2 \
  --set Microsoft.Extensions.Http.Resilience=10.0.0 \
  --set Microsoft.Extensions.ServiceDiscovery=10.0.0 \
  --set NUnit.Analyzers=4.15.0 \
  --set NUnit3TestAdapter=6.3.1 \
  --set OpenTelemetry.Instrumentation.AspNetCore=1.21.0 \
  --set OpenTelemetry.Instrumentation.Http=1.21.0 \
  --set OpenTelemetry.Instrumentation.Runtime=1.21.0 \
  --set Scalar.AspNetCore=3.0.0 \
  --set System.IdentityModel.Tokens.Jwt=8.23.0
# The Aspire app host SDK 13.4.6 is not served; 13.6.4 is.
for p in src/AppHost/AppHost.csproj tests/TestAppHost/TestAppHost.csproj; do
  sed -i 's#Aspire.AppHost.Sdk/13.4.6#Aspire.AppHost.Sdk/13.6.4#' "$1/$p"
  echo "  $p: Aspire.AppHost.Sdk 13.4.6 -> 13.6.4"
done
# Aspire 13 warns ASPIRE010 (no CLI bundle) when an app host is evaluated; the loader treats that
# warning as a load failure and aborts the whole solution, so it is suppressed in both app hosts.
for p in src/AppHost/AppHost.csproj tests/TestAppHost/TestAppHost.csproj; do
  sed -i '0,/<PropertyGroup>/s##<PropertyGroup>\n    <NoWarn>$(NoWarn);ASPIRE010</NoWarn>\n    <MSBuildWarningsAsMessages>$(MSBuildWarningsAsMessages);ASPIRE010</MSBuildWarningsAsMessages>#' "$1/$p"
  echo "  $p: NoWarn ASPIRE010"
done
# Directory.Build.props sets ArtifactsPath, so restore writes artifacts/obj/<project>/project.assets.json.
# The loader only looks for <project>/obj/project.assets.json and reports every project as not
# restored; the property is dropped so the intermediate files land in obj/ again.
sed -i '/<ArtifactsPath>/d' "$1/Directory.Build.props"
echo "  Directory.Build.props: ArtifactsPath removed"
