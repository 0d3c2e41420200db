#!/usr/bin/env bash
# Restore patches for BDSAProject; each is explained in ../expectations/BDSAProject.md.
set -euo pipefail
python3 "$(dirname "$0")/../lib/retarget.py" "$1" \
  --tfm net10.0 \
  --remove Microsoft.Authentication.WebAssembly.Msal \
  --remove Microsoft.Identity.Web.UI \
  --set LibGit2Sharp=0.32.0 \
  --set LibGit2Sharp.NativeBinaries=2.0.324 \
  --set Microsoft.AspNetCore.Authentication.JwtBearer=10.0.15 \
  --set Microsoft.AspNetCore.Authentication.OpenIdConnect=10.0.15 \
  --set Microsoft.AspNetCore.Components.WebAssembly=10.0.15 \
  --set Microsoft.AspNetCore.Components.WebAssembly.DevServer=10.0.15 \
  --set Microsoft.AspNetCore.Components.WebAssembly.Server=10.0.15 \
  --set Microsoft.AspNetCore.Mvc.Testing=10.0.15 \
  --set Microsoft.Data.Sqlite=10.0.15 \
  --set Microsoft.EntityFrameworkCore=10.0.15 \
  --set Microsoft.EntityFrameworkCore.InMemory=10.0.15 \
  --set Microsoft.EntityFrameworkCore.Relational=10.0.15 \
  --set Microsoft.EntityFrameworkCore.SqlServer=10.0.15 \
  --set Microsoft.EntityFrameworkCore.Sqlite=10.0.15 \
  --set Microsoft.EntityFrameworkCore.Tools=10.0.15 \
  --set Microsoft.Identity.Web=4.18.0 \
  --set Octokit=14.0.0 \
  --set Radzen.Blazor=13.1.0 \
  --set System.Net.Http.Json=10.0.0 \
  --set bunit=1.10.14 \
  --set Microsoft.Extensions.DependencyInjection=10.0.15 \
  --set Microsoft.Extensions.Configuration=10.0.15 \
  --set Microsoft.Extensions.Http=10.0.15
# Microsoft.Authentication.WebAssembly.Msal is not served at all: the call BlazorApp makes gets a source
# stand-in of the same shape (standins/BDSAProject/MsalAuthentication.cs); the app's files are not edited.
# The package brought Microsoft.AspNetCore.Components.WebAssembly.Authentication (served), now referenced directly.
cp "$(dirname "$0")/standins/BDSAProject/MsalAuthentication.cs" "$1/BlazorApp/EvalStandIn.MsalAuthentication.cs"
echo "  BlazorApp/EvalStandIn.MsalAuthentication.cs: stand-in for Microsoft.Authentication.WebAssembly.Msal added"
sed -i '0,/<PackageReference /s##<PackageReference Include="Microsoft.AspNetCore.Components.WebAssembly.Authentication" Version="10.0.15" />\n    <PackageReference #' "$1/BlazorApp/BlazorApp.csproj"
echo "  BlazorApp/BlazorApp.csproj: Microsoft.AspNetCore.Components.WebAssembly.Authentication 10.0.15 referenced"
