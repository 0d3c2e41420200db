#!/usr/bin/env bash
# Restore patches for JobsTrainer; each is explained in ../expectations/JobsTrainer.md.
set -euo pipefail
python3 "$(dirname "$0")/../lib/retarget.py" "$1" \
  --tfm net10.0 \
  --remove CsvHelper.Excel.Core \
  --remove Microsoft.Extensions.ML \
  --remove Microsoft.VisualStudio.Azure.Containers.Tools.Targets \
  --set AutoMapper=11.0.0 \
  --set Microsoft.AspNetCore.Diagnostics.EntityFrameworkCore=10.0.15 \
  --set Microsoft.EntityFrameworkCore.Design=10.0.15 \
  --set Microsoft.EntityFrameworkCore.SqlServer=10.0.15 \
  --set Microsoft.EntityFrameworkCore.Tools=10.0.15 \
  --set Microsoft.ML=6.0.0 \
  --set Microsoft.VisualStudio.Web.CodeGeneration.Design=10.0.3 \
  --set MongoDB.Driver=3.14.0 \
  --set Swashbuckle.AspNetCore=6.4.0
# The solution includes docker-compose.dcproj (Visual Studio container tooling), which `dotnet build` of
# the solution would need; it is taken out. (The scan skips it by itself: the loader reports it as not a
# C# project.)
python3 - "$1/JobsTrainer.sln" <<'PY'
import re, sys
p = sys.argv[1]; t = open(p, encoding="utf-8-sig").read()
t2 = re.sub(r'Project\("\{[^}]+\}"\) = "docker-compose", "docker-compose.dcproj".*?EndProject\r?\n', "", t, flags=re.S)
open(p, "w", encoding="utf-8").write(t2)
print("  JobsTrainer.sln: docker-compose.dcproj removed" if t2 != t else "  JobsTrainer.sln: no dcproj entry")
PY
# Packages the mirror does not serve at all (CsvHelper.Excel.Core, Microsoft.Extensions.ML): the members
# the app calls get source stand-ins of the same shape (standins/JobsTrainer/*.cs); the app's files are not
# edited. CsvHelper.Excel.Core brought CsvHelper and DocumentFormat.OpenXml (LmiaInfoController has
# `using DocumentFormat.OpenXml.Office2010.Excel`), so the served versions of those two are referenced directly.
standins="$(dirname "$0")/standins/JobsTrainer"
cp "$standins/ExcelParser.cs" "$1/JobsTrainer/EvalStandIn.ExcelParser.cs"
echo "  JobsTrainer/EvalStandIn.ExcelParser.cs: stand-in for CsvHelper.Excel.Core added"
cp "$standins/PredictionEnginePool.cs" "$1/JobsTrainerML.Api/EvalStandIn.PredictionEnginePool.cs"
echo "  JobsTrainerML.Api/EvalStandIn.PredictionEnginePool.cs: stand-in for Microsoft.Extensions.ML added"
sed -i '0,/<PackageReference /s##<PackageReference Include="CsvHelper" Version="27.1.1" />\n    <PackageReference Include="DocumentFormat.OpenXml" Version="2.20.0" />\n    <PackageReference #' "$1/JobsTrainer/JobsTrainer.csproj"
echo "  JobsTrainer/JobsTrainer.csproj: CsvHelper 27.1.1 and DocumentFormat.OpenXml 2.20.0 referenced"
# MLModel.zip (the trained model the project copies to its output) was never committed to the repository,
# so the build's copy step fails; an empty file stands in for it (the model is read only when predicting).
if [[ ! -e "$1/JobsTrainerML.Api/MLModel.zip" ]]; then
  : > "$1/JobsTrainerML.Api/MLModel.zip"
  echo "  JobsTrainerML.Api/MLModel.zip: not in the repository, empty placeholder created"
fi
