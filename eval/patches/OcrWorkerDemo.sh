#!/usr/bin/env bash
# Restore patches for OcrWorkerDemo; each is explained in ../expectations/OcrWorkerDemo.md.
set -euo pipefail
python3 "$(dirname "$0")/../lib/retarget.py" "$1" \
  --tfm net10.0 \
  --remove Tesseract \
  --remove Microsoft.VisualStudio.Azure.Containers.Tools.Targets \
  --set Magick.NET-Q8-AnyCPU=15.1.0
# Tesseract is not served at all and the only project needs it: the members the app uses get a source
# stand-in of the same shape (standins/OcrWorkerDemo/Tesseract.cs); the app's files are not edited.
cp "$(dirname "$0")/standins/OcrWorkerDemo/Tesseract.cs" "$1/EvalStandIn.Tesseract.cs"
echo "  EvalStandIn.Tesseract.cs: stand-in for Tesseract added"
