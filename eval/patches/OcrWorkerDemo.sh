#!/usr/bin/env bash
# Restore patches for OcrWorkerDemo; each is explained in ../expectations/OcrWorkerDemo.md.
set -euo pipefail
python3 "$(dirname "$0")/../lib/retarget.py" "$1" \
  --tfm net10.0 \
  --remove Tesseract \
  --remove Microsoft.VisualStudio.Azure.Containers.Tools.Targets \
  --set Magick.NET-Q8-AnyCPU=15.1.0
