#!/usr/bin/env bash
# Restore patches for JobsTrainer; each is explained in ../expectations/JobsTrainer.md.
set -euo pipefail
python3 "$(dirname "$0")/../lib/retarget.py" "$1" \
  --tfm net10.0 \
  --remove CsvHelper.Excel.Core \
  --remove Microsoft.Extensions.ML \
  --remove Microsoft.VisualStudio.Azure.Containers.Tools.Targets \
  --set AutoMapper=14.0.0 \
  --set Microsoft.AspNetCore.Diagnostics.EntityFrameworkCore=10.0.15 \
  --set Microsoft.EntityFrameworkCore.Design=10.0.15 \
  --set Microsoft.EntityFrameworkCore.SqlServer=10.0.15 \
  --set Microsoft.EntityFrameworkCore.Tools=10.0.15 \
  --set Microsoft.ML=6.0.0 \
  --set Microsoft.VisualStudio.Web.CodeGeneration.Design=10.0.3 \
  --set MongoDB.Driver=3.14.0 \
  --set Swashbuckle.AspNetCore=11.0.1
# The solution includes docker-compose.dcproj (Visual Studio container tooling). MSBuildWorkspace
# cannot open it and the loader aborts the whole scan on that, so it is taken out of the solution.
python3 - "$1/JobsTrainer.sln" <<'PY'
import re, sys
p = sys.argv[1]; t = open(p, encoding="utf-8-sig").read()
t2 = re.sub(r'Project\("\{[^}]+\}"\) = "docker-compose", "docker-compose.dcproj".*?EndProject\r?\n', "", t, flags=re.S)
open(p, "w", encoding="utf-8").write(t2)
print("  JobsTrainer.sln: docker-compose.dcproj removed" if t2 != t else "  JobsTrainer.sln: no dcproj entry")
PY
