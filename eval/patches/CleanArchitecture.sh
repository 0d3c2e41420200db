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
  --remove MediatR \
  --remove Reqnroll.NUnit \
  --set Aspire.Hosting.AppHost=13.6.5 \
  --set Aspire.Hosting.Testing=13.6.5 \
  --set Aspire.Npgsql.EntityFrameworkCore.PostgreSQL=13.6.5 \
  --set AutoMapper=14.0.0 \
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
# Directory.Build.props sets ArtifactsPath, so restore writes artifacts/obj/<project>/project.assets.json.
# The loader only looks for <project>/obj/project.assets.json and reports every project as not
# restored; the property is dropped so the intermediate files land in obj/ again.
sed -i '/<ArtifactsPath>/d' "$1/Directory.Build.props"
echo "  Directory.Build.props: ArtifactsPath removed"
# Packages the mirror does not serve in any version the code fits: the members the app calls get source
# stand-ins of the same shape (standins/CleanArchitecture/*.cs); the app's files are not edited.
# - MediatR (13+ is a paid licence, 12 needs MediatR.Contracts, which is not served; 5.1.0 has other
#   interfaces): the contracts go into Domain (BaseEvent is an INotification), the mediator into Application.
# - The Aspire hosting integrations of both app hosts (Azure container apps, JavaScript app, SQLite).
# - Azure.Extensions.AspNetCore.Configuration.Secrets (Web's AddAzureKeyVault, called only when a vault is configured).
standins="$(dirname "$0")/standins/CleanArchitecture"
cp "$standins/MediatR.Contracts.cs" "$1/src/Domain/EvalStandIn.MediatR.Contracts.cs"
echo "  src/Domain/EvalStandIn.MediatR.Contracts.cs: stand-in for MediatR.Contracts added"
cp "$standins/MediatR.cs" "$1/src/Application/EvalStandIn.MediatR.cs"
echo "  src/Application/EvalStandIn.MediatR.cs: stand-in for MediatR added"
cp "$standins/AzureKeyVaultConfiguration.cs" "$1/src/Web/EvalStandIn.AzureKeyVaultConfiguration.cs"
echo "  src/Web/EvalStandIn.AzureKeyVaultConfiguration.cs: stand-in for Azure.Extensions.AspNetCore.Configuration.Secrets added"
for p in src/AppHost tests/TestAppHost; do
  cp "$standins/AspireHosting.cs" "$1/$p/EvalStandIn.AspireHosting.cs"
  echo "  $p/EvalStandIn.AspireHosting.cs: stand-in for the Aspire hosting integrations added"
done
# Reqnroll.NUnit is not served; it brought Reqnroll itself (served, same version), which the Reqnroll
# tests' code uses. Without the NUnit plugin the .feature files generate no tests; the step code compiles.
sed -i '0,/<PackageVersion /s##<PackageVersion Include="Reqnroll" Version="3.3.4" />\n    <PackageVersion #' "$1/Directory.Packages.props"
sed -i '0,/<PackageReference /s##<PackageReference Include="Reqnroll" />\n        <PackageReference #' "$1/tests/Web.AcceptanceTests/Web.AcceptanceTests.csproj"
echo "  tests/Web.AcceptanceTests/Web.AcceptanceTests.csproj: Reqnroll 3.3.4 referenced"
# Application.UnitTests builds its mapper with `new MapperConfiguration(…, loggerFactory: …)`, an AutoMapper
# 15+ constructor; 15 and later are a paid licence and not served (14.0.0 is). The project holds no startup
# code and no finding, so it is taken out of the solution.
sed -i '/tests\/Application.UnitTests\/Application.UnitTests.csproj/d' "$1/CleanArchitecture.slnx"
echo "  CleanArchitecture.slnx: tests/Application.UnitTests removed"
