"""Run every benchmark and print each figure beside its raw baseline: python3 dev.py bench"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import catalog, citymonth, counter, fuzz_imports, kiosk, labels, pgload, points, stalls, startup, stock

SUITES = {
    "startup": startup.run,
    "catalog": catalog.run,
    "citymonth": citymonth.run,
    "counter": counter.run,
    "stock": stock.run,
    "points": points.run,
    "labels": labels.run,
    "stalls": stalls.run,
    "fuzz": fuzz_imports.run,
    "pgload": pgload.run,  # needs BANGFU_BENCH_PG_URL, a PostgreSQL with fsync on
    "kiosk": kiosk.run,  # needs BANGFU_BENCH_PG_URL
}


def main(names: list[str]) -> None:
    print(f"{'benchmark':<52} {'Bangfu':>10} {'baseline':>10}")
    for name, suite in SUITES.items():
        if names and name not in names:
            continue
        for label, ours, baseline in suite():
            shown = "—" if baseline != baseline else f"{baseline:.4f}s"  # NaN: no raw baseline for this one
            print(f"{label:<52} {ours:>9.4f}s {shown:>10}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
