#!/usr/bin/env bash
# Restore patches for Ml.net_PricePrediction; each is explained in ../expectations/Ml.net_PricePrediction.md.
set -euo pipefail
python3 "$(dirname "$0")/../lib/retarget.py" "$1" \
  --tfm net10.0 \
  --set Microsoft.ML=6.0.0 \
  --set Microsoft.ML.FastTree=6.0.0
