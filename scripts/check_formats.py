#!/usr/bin/env python3
"""Checks that numpy and pandas read odec's .npy results exactly as odec wrote its CSV.

Usage: check_formats.py VALUES.csv VALUES.npy PRECISION [STATS.csv STATS.npy]

The CSV is read with pandas (round-trip float parsing: the shortest decimals odec writes read back
exactly); the npy with np.load, both memory-mapped and whole. Every column must match bit for bit,
in the precision odec solved in (f32 results are float32 in the npy). Parquet is checked by the Java
tests with DuckDB: Debian's pandas has no Parquet engine (neither pyarrow nor fastparquet is packaged).
Exits 0 when all match, 1 with the first difference otherwise.
"""
import sys

import numpy as np
import pandas as pd


def check(csv_path, npy_path, real):
    table = pd.read_csv(csv_path, float_precision="round_trip")
    mapped = np.load(npy_path, mmap_mode="r")
    whole = np.load(npy_path)
    if not isinstance(mapped, np.memmap):
        return f"{npy_path}: np.load(mmap_mode='r') did not map the file"
    if list(whole.dtype.names) != list(table.columns):
        return f"{npy_path}: fields {whole.dtype.names}, CSV columns {list(table.columns)}"
    if whole.shape != (len(table),):
        return f"{npy_path}: shape {whole.shape}, CSV rows {len(table)}"
    frame = pd.DataFrame(whole)
    for name in table.columns:
        expected = table[name].to_numpy()
        got = frame[name].to_numpy()
        kind = whole.dtype[name].kind
        if kind == "f":
            if whole.dtype[name] != np.dtype(real):
                return f"{npy_path}: column {name} is {whole.dtype[name]}, not {real}"
            expected = expected.astype(real)
            same = np.array_equal(expected.view(np.uint32 if real == "<f4" else np.uint64),
                                  got.view(np.uint32 if real == "<f4" else np.uint64))
        elif kind == "U":
            same = list(expected) == list(got)
        else:
            same = np.array_equal(expected.astype(np.int64), got)
        if not same or not np.array_equal(got, mapped[name], equal_nan=kind == "f"):
            return f"{npy_path}: column {name} differs from {csv_path}"
    return None


def main(argv):
    if len(argv) not in (4, 6):
        print(__doc__, file=sys.stderr)
        return 2
    real = {"f64": "<f8", "f32": "<f4"}[argv[3]]
    pairs = [(argv[1], argv[2])] + ([(argv[4], argv[5])] if len(argv) == 6 else [])
    for csv_path, npy_path in pairs:
        problem = check(csv_path, npy_path, real)
        if problem:
            print(problem, file=sys.stderr)
            return 1
    print("numpy " + np.__version__ + ", pandas " + pd.__version__ + ": " + str(len(pairs)) + " file(s) match")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
