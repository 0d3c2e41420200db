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
