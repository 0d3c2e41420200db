#!/usr/bin/env bash
# Restore patches for shard-db; each is explained in ../expectations/shard-db.md.
set -euo pipefail
python3 "$(dirname "$0")/../lib/retarget.py" "$1" \
  --tfm net10.0 \
  --set Microsoft.AspNetCore.OpenApi=10.0.15 \
  --set Microsoft.EntityFrameworkCore=10.0.15 \
  --set Microsoft.EntityFrameworkCore.Design=10.0.15 \
  --set Microsoft.EntityFrameworkCore.Sqlite=10.0.15
