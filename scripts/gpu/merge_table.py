"""Merges the CSV rows of GpuCheck, torchdiffeq_bench.py and diffrax_bench.py into one markdown table.

    python3 scripts/gpu/merge_table.py odec.csv torchdiffeq.csv diffrax.csv > gpu-table.md

One table row per (case, N, precision), one column per library: the median ms per solve. A failed or timed-out
point reads "failed", one not started because the script's budget was spent "skipped"; "-" means not measured
(the case stopped growing N, the part was cut by its guard, or the column does not run that point).
Every row's notes (steps, compile time, kernel time, errors) follow the table.
"""
import sys
from collections import namedtuple

Row = namedtuple("Row", "library case n precision ms_median ms_min ms_max notes")

COLUMNS = (("odec-cuda", "odec cuda"), ("odec-cpu", "odec cpu"), ("torchdiffeq", "torchdiffeq"), ("diffrax", "diffrax"))
CASE_ORDER = ("vdp-dopri5-1e-5", "lorenz-tsit5-fixed-1e-3", "lorenz-tsit5-adaptive-1e-8")
PRECISION_ORDER = ("f64", "f32")


def read_rows(files):
    """The rows of every file (file objects), skipping headers and lines that are not rows."""
    rows = []
    for f in files:
        for line in f:
            fields = line.rstrip("\n").split(",", 7)
            if len(fields) != 8 or fields[0] == "library":
                continue
            library, case, n, precision, med, lo, hi, notes = fields
            try:
                rows.append(Row(library, case, int(n), precision, _number(med), _number(lo), _number(hi), notes))
            except ValueError:
                continue
    return rows


def _number(text):
    return float(text) if text.strip() else None


def fmt_ms(value):
    if value >= 100:
        return f"{value:.0f}"
    if value >= 10:
        return f"{value:.1f}"
    if value >= 1:
        return f"{value:.2f}"
    return f"{value:.3f}"


def _sort_key(key):
    case, n, precision = key
    case_rank = CASE_ORDER.index(case) if case in CASE_ORDER else len(CASE_ORDER)
    precision_rank = PRECISION_ORDER.index(precision) if precision in PRECISION_ORDER else len(PRECISION_ORDER)
    return case_rank, case, n, precision_rank


def markdown(rows):
    cells = {}
    for r in rows:
        if r.case == "all":
            continue
        if r.ms_median is not None:
            cell = fmt_ms(r.ms_median)
        else:
            cell = "skipped" if r.notes.startswith("skipped") else "failed"
        cells.setdefault((r.case, r.n, r.precision), {})[r.library] = cell
    out = ["| case | N | precision | " + " | ".join(title for _, title in COLUMNS) + " |",
           "| --- | ---: | --- | " + " | ".join("---:" for _ in COLUMNS) + " |"]
    for key in sorted(cells, key=_sort_key):
        case, n, precision = key
        row = cells[key]
        out.append(f"| {case} | {n} | {precision} | " + " | ".join(row.get(lib, "-") for lib, _ in COLUMNS) + " |")
    out.append("")
    out.append("ms per solve: median of the measured runs after warm-up (compile excluded); odec's times include")
    out.append("host-side transposition and copies. Notes per row:")
    out.append("")
    for r in rows:
        if not r.notes:
            continue
        if r.case == "all":
            out.append(f"- {r.library}: {r.notes}")
        else:
            spread = "" if r.ms_min is None else f" (min {fmt_ms(r.ms_min)}, max {fmt_ms(r.ms_max)})"
            out.append(f"- {r.library} {r.case} N={r.n} {r.precision}{spread}: {r.notes}")
    return "\n".join(out) + "\n"


def main(paths):
    files, missing = [], []
    for p in paths:
        try:
            files.append(open(p, encoding="utf-8"))
        except OSError:
            missing.append(p)
    table = markdown(read_rows(files))
    for f in files:
        f.close()
    sys.stdout.write(table)
    for p in missing:
        sys.stdout.write(f"- (no rows: {p} was not written)\n")


if __name__ == "__main__":
    main(sys.argv[1:])
