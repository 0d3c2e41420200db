#!/usr/bin/env bash
# Restore patches for ImageWave; each is explained in ../expectations/ImageWave.md.
set -euo pipefail
python3 "$(dirname "$0")/../lib/retarget.py" "$1" \
  --tfm net10.0 \
  --remove BlazorInputFile \
  --set MSTest.TestAdapter=4.5.3 \
  --set MSTest.TestFramework=4.5.3 \
  --set SixLabors.ImageSharp=2.1.13
