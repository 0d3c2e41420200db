#!/usr/bin/env bash
# Restore patches for RagWebScraper; each is explained in ../expectations/RagWebScraper.md.
set -euo pipefail
python3 "$(dirname "$0")/../lib/retarget.py" "$1" \
  --tfm net10.0 \
  --remove Blazorise \
  --remove Blazorise.Bootstrap5 \
  --remove Blazorise.Charts \
  --remove Blazorise.Charts.Annotation \
  --remove Blazorise.Charts.DataLabels \
  --remove Blazorise.Charts.Streaming \
  --remove Blazorise.Charts.Trendline \
  --remove Blazorise.Charts.Zoom \
  --remove Blazorise.Components \
  --set HtmlAgilityPack=1.13.0 \
  --set Microsoft.ML=6.0.0 \
  --set Microsoft.ML.OnnxRuntime=1.32.0 \
  --set Microsoft.ML.OnnxTransformer=6.0.0 \
  --set Microsoft.ML.Tokenizers=3.0.0 \
  --set PdfPig=0.1.16
# Blazorise is not served at all and the only project needs it: the members the app uses get a source
# stand-in of the same shape (standins/RagWebScraper/Blazorise.cs); the app's files are not edited.
cp "$(dirname "$0")/standins/RagWebScraper/Blazorise.cs" "$1/RagWebScraper/EvalStandIn.Blazorise.cs"
echo "  RagWebScraper/EvalStandIn.Blazorise.cs: stand-in for Blazorise added"
