"""Writes predict request bodies from a dataset CSV: one customer, and N customers, as JSON objects keyed by column."""
import csv
import json
import sys

source, out_dir, many = sys.argv[1], sys.argv[2], int(sys.argv[3])


def typed(column, value):
    if column == "customer_id":
        return value
    try:
        return float(value)
    except ValueError:
        return value


with open(source, newline="") as f:
    rows = []
    for i, row in enumerate(csv.DictReader(f)):
        if i >= many:
            break
        rows.append({k: typed(k, v) for k, v in row.items() if k != "label" and not k.startswith("label_")})

with open(f"{out_dir}/one.json", "w") as f:
    json.dump(rows[0], f)
with open(f"{out_dir}/many.json", "w") as f:
    json.dump(rows, f)
