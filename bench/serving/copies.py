"""Writes a dataset CSV repeated N times with unique customer ids (id + '-' + copy number)."""
import csv
import sys

source, target, copies = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(source, newline="") as f:
    reader = csv.reader(f)
    header = next(reader)
    rows = list(reader)
with open(target, "w", newline="") as f:
    writer = csv.writer(f, lineterminator="\n")
    writer.writerow(header)
    for copy in range(copies):
        for row in rows:
            writer.writerow([f"{row[0]}-{copy}"] + row[1:])
