#!/usr/bin/env bash
# Restore patches for BackgroundTimerJob; each is explained in ../expectations/BackgroundTimerJob.md.
set -euo pipefail
python3 "$(dirname "$0")/../lib/retarget.py" "$1" \
  --tfm net10.0 \
  --set Azure.Storage.Blobs=12.30.1 \
  --set Microsoft.Extensions.Azure=1.14.1 \
  --set Microsoft.Extensions.Hosting=10.0.0 \
  --set Microsoft.Extensions.Logging.Abstractions=10.0.0
