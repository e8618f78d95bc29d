#!/usr/bin/env bash
# Re-records every sample scenario trace from commands.txt.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
grep -v '^#' commands.txt | while read -r _ args; do
  [ -n "$args" ] && ../../ccatrace $args
done
