#!/usr/bin/env bash
# Refresh the translation source from ui/ (new strings appear unfinished), then compile it.
#   bash scripts/update_translations.sh     # then translate the new strings in Qt Linguist:
#   .venv/bin/pyside6-linguist resources/i18n/annotator_zh_CN.ts
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/pyside6-lupdate $(find ui -name "*.py" | sort) -ts resources/i18n/annotator_zh_CN.ts -no-obsolete
.venv/bin/pyside6-lrelease resources/i18n/annotator_zh_CN.ts -qm resources/i18n/annotator_zh_CN.qm
