#!/usr/bin/env bash
# Sets up everything (Debian packages, build) and opens LossLab. Arguments go to `losslab`,
# e.g. scripts/run.sh assets/xor.json
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh app
exec build/app/losslab "$@"
