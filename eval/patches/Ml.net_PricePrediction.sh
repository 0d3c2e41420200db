#!/usr/bin/env bash
# Restore patches for Ml.net_PricePrediction; each is explained in ../expectations/Ml.net_PricePrediction.md.
set -euo pipefail
python3 "$(dirname "$0")/../lib/retarget.py" "$1" \
  --tfm net10.0 \
  --set Microsoft.ML=6.0.0 \
  --set Microsoft.ML.FastTree=6.0.0
# The console app references the model project as "MyMLApp..." but the folder is "myMLApp...":
# fine on Windows, a missing project on a case-sensitive file system.
sed -i 's#\\MyMLAppCSVPricePredictML.Model\\MyMLAppCSVPricePredictML.Model.csproj#\\myMLAppCSVPricePredictML.Model\\myMLAppCSVPricePredictML.Model.csproj#' \
  "$1/myMLAppCSVPricePredictML.ConsoleApp/myMLAppCSVPricePredictML.ConsoleApp.csproj"
echo "  myMLAppCSVPricePredictML.ConsoleApp/myMLAppCSVPricePredictML.ConsoleApp.csproj: project reference casing fixed"
