"""The crisis detector's start-up cost: `warm_up()` in fresh processes, median wall and CPU.

    python bench/warmup.py              5 fresh processes, the rule cache as it is
    python bench/warmup.py -n 9 --cold  9 processes, each with an empty cache folder
    python bench/warmup.py --profile    one run under cProfile, the 25 costliest calls

Each child imports the detector first and times only `warm_up()` (what `omarmt run` pays before
it serves), so the import of the package is not counted. `--cold` points XDG_CACHE_HOME at a
new empty folder per run: the cost when the translated rules must be made from the YAML.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

__all__ = ["main"]

_CHILD = """
import json, resource, time
from bot.safety.detector import warm_up

def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime

wall, used = time.perf_counter(), cpu()
warm_up()
print(json.dumps({"wall": time.perf_counter() - wall, "cpu": cpu() - used}))
"""

_PROFILE = """
import cProfile, pstats
from bot.safety.detector import warm_up
cProfile.run("warm_up()", {out!r})
pstats.Stats({out!r}).sort_stats("cumulative").print_stats(25)
"""


def _run(code: str, cache_home: str | None) -> str:
    env = dict(os.environ)
    if cache_home is not None:
        env["XDG_CACHE_HOME"] = cache_home
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=5, help="fresh processes to run (default 5)")
    parser.add_argument("--cold", action="store_true", help="an empty cache folder per run")
    parser.add_argument("--profile", action="store_true", help="one run under cProfile")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        if args.profile:
            home = scratch if args.cold else None
            print(_run(_PROFILE.format(out=str(Path(scratch) / "warmup.prof")), home))
            return
        walls: list[float] = []
        cpus: list[float] = []
        for index in range(args.n):
            home = str(Path(scratch) / str(index)) if args.cold else None
            figures = json.loads(_run(_CHILD, home))
            walls.append(figures["wall"])
            cpus.append(figures["cpu"])
    runs = " ".join(f"{value:.2f}" for value in cpus)
    print(f"warm_up over {args.n} fresh processes{' (cold cache)' if args.cold else ''}:")
    wall, cpu = statistics.median(walls), statistics.median(cpus)
    print(f"  median wall {wall:.3f} s, median CPU {cpu:.3f} s")
    print(f"  CPU per run: {runs}")


if __name__ == "__main__":
    main()
