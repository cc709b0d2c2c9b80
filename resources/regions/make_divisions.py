"""Rewrite divisions.tsv beside this file from cpca's bundled adcodes.csv (see README.md).

Run with an interpreter that has cpca installed; Annotator never imports this file.
"""

import csv
import io
from importlib.resources import files
from pathlib import Path

# Rows that stand for a group of divisions, not for a division of their own.
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}

source = files("cpca.resources").joinpath("adcodes.csv").read_text(encoding="utf-8")
names = {row["adcode"][:6]: row["name"] for row in csv.DictReader(io.StringIO(source))}
lines = ["adcode\tname\tprovince\tprefecture"]
for code, name in sorted(names.items()):
    if name in PLACEHOLDERS:
        continue
    prefecture = "" if code.endswith("0000") else names.get(code[:4] + "00", "")
    lines.append(f"{code}\t{name}\t{names[code[:2] + '0000']}\t{prefecture}")
target = Path(__file__).with_name("divisions.tsv")
target.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")
