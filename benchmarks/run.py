"""Run every benchmark and print each figure beside its raw baseline: python3 dev.py bench"""

import datetime as dt
import json
import os
import platform
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


OUT = Path(__file__).resolve().parent / "out"


def main(names: list[str]) -> None:
    """Print each figure beside its baseline and their ratio, and write them all as JSON to
    benchmarks/out/bench-YYYYMMDD-HHMMSS.json (with the machine), so two runs can be compared."""
    print(f"{'benchmark':<52} {'Bangfu':>10} {'baseline':>10} {'ratio':>7}")
    rows = []
    for name, suite in SUITES.items():
        if names and name not in names:
            continue
        for label, ours, baseline in suite():
            known = baseline == baseline  # NaN: no raw baseline for this one
            unit = " MB" if ", MB" in label else "s"  # a memory figure; the others are seconds
            shown = f"{baseline:.4f}{unit}" if known else "—"
            ratio = f"{ours / baseline:.2f}×" if known and baseline > 0 else ""
            print(f"{label:<52} {ours:>9.4f}{unit} {shown:>10} {ratio:>7}", flush=True)
            rows.append({"suite": name, "label": label, "seconds": ours, "baseline": baseline if known else None})
    OUT.mkdir(exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    machine = {"python": platform.python_version(), "machine": platform.machine(), "cpus": os.cpu_count()}
    written = OUT / f"bench-{stamp}.json"
    written.write_text(json.dumps({"at": stamp, "machine": machine, "rows": rows}, indent=1, ensure_ascii=False))
    print(f"written: {written}")


if __name__ == "__main__":
    main(sys.argv[1:])
