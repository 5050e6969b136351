"""Reference quantile edges for quantile bins (src/core/audit/quantile-bins.ts), written to
test/golden/quantiles.json.

Run with the system Python that has NumPy:

    /usr/bin/python3 test/golden/generate_quantiles.py

Each case is a list of values and a number of bins k; the edges are
`np.quantile(x, np.arange(k + 1) / k)` with NumPy's default method, `linear` (Hyndman and Fan
type 7), which auditcard reproduces bit for bit (tolerance 0). `merged` is the distinct edges
in order, as auditcard merges equal ones. The values are written with `repr`, so they read
back as the same doubles. Deterministic: a fixed seed, no network.
"""

import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "quantiles.json")


def case(name, values, k):
    x = np.asarray(values, dtype=float)
    edges = np.quantile(x, np.arange(k + 1) / k)
    merged = [float(e) for i, e in enumerate(edges) if i == 0 or e != edges[i - 1]]
    return {
        "name": name,
        "values": [float(v) for v in x],
        "k": k,
        "edges": [float(e) for e in edges],
        "merged": merged,
    }


def cases():
    rng = np.random.default_rng(20261204)
    ages = rng.integers(18, 96, size=257)
    return [
        case("integer ages, quartiles", ages.tolist(), 4),
        case("integer ages, deciles", ages.tolist(), 10),
        case("integer ages, k = 3 (thirds are not exact in binary)", ages.tolist(), 3),
        case("continuous, quintiles", rng.normal(50, 12, size=101).tolist(), 5),
        case("continuous, k = 7", (rng.random(33) * 1e-3).tolist(), 7),
        case("many ties at zero", [0] * 60 + list(range(1, 41)), 4),
        case("ties at the top", list(range(10)) + [100] * 30, 4),
        case("one value", [5, 5, 5, 5], 4),
        case("two values", [0, 10], 4),
        case("one row", [42], 2),
        case("negative and large", [-1e300, -3.5, 0, 2.25, 7, 1e300], 4),
    ]


if __name__ == "__main__":
    payload = {
        "generatedBy": "test/golden/generate_quantiles.py",
        "versions": {"python": sys.version.split()[0], "numpy": np.__version__},
        "method": "np.quantile(x, np.arange(k + 1) / k), method='linear' (the default)",
        "cases": cases(),
    }
    with open(OUT, "w", encoding="utf-8") as handle:
        json.dump(payload, handle, indent=1)
        handle.write("\n")
