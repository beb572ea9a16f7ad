#!/usr/bin/env bash
# Developer script (not part of CI): renders real reports and screenshots them with headless Chromium into docs/.
#   releng/screenshots.sh            runs the study's experiments, writes the reports, takes docs/report-run.png and
#                                    docs/report-comparison.png, docs/report-run-lower.png (mechanism map and
#                                    checks of the same run), docs/report-study.png (the study file's front page) and
#                                    docs/report-nucleation-dips.png (the two nucleation dips on the interlayer)
# Needs the Debian package 'chromium' (apt-get install chromium) and ImageMagick's convert (to trim the page's end).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${OUT:-$(mktemp -d)}"
cd "$ROOT"
./cellwright run examples/sung2023/experiments.cell --out "$OUT/runs" >/dev/null || [ $? -eq 3 ] # 3: a check failed
./cellwright report "$OUT/runs/FullCellWithInterlayer"
./cellwright report "$OUT/runs/InterlayerHalfCell" "$OUT/runs/BareHalfCell" --out "$OUT/comparison.html"
shot() { # html png height
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size=1200,"$3" --screenshot="$2" "file://$1" 2>/dev/null
}
shot "$OUT/runs/FullCellWithInterlayer/report.html" docs/report-run.png 2400
shot "$OUT/comparison.html" docs/report-comparison.png 2400
shot "$OUT/runs/FullCellWithInterlayer/report.html" "$OUT/run-tall.png" 5000
convert "$OUT/run-tall.png" -crop 1200x2300+0+2500 +repage docs/report-run-lower.png
shot "$OUT/runs/report.html" docs/report-study.png 1800
shot "$OUT/runs/NucleationInterlayer/report.html" docs/report-nucleation-dips.png 1700
echo "screenshots: docs/report-run.png docs/report-run-lower.png docs/report-comparison.png docs/report-study.png docs/report-nucleation-dips.png (reports in $OUT)"
