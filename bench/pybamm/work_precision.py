"""PyBaMM's side of issue 13's work-precision comparison on the half cell (side_by_side.py's `half` case: Chen 2020
NMC811 against Li metal, t+ = 1, 1C to 2.5 V, mesh 20/20 x 30, IDAKLU with rtol = atol): per rtol the best warm
solve (process CPU and wall, of N repeats) and the error against the committed rtol 1e-8 curve
(chen2020_half_1C_pybamm_rtol1e-8.csv): voltage RMS and max where the reference reads at least 3.0 V (all outputs,
and from 60 s on) and the end time (the capacity). The same measures as DfnBenchmark -Dcase=half -Drtols=...

    python3 work_precision.py [repeats] [rtol ...]     (default 20; 1e-6 1e-5 1e-4 1e-3)
"""
import os
import subprocess
import sys
import time

import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 20
rtols = [float(r) for r in sys.argv[2:]] or [1e-6, 1e-5, 1e-4, 1e-3]
ref = np.loadtxt(os.path.join(here, "chen2020_half_1C_pybamm_rtol1e-8.csv"), delimiter=",", skiprows=1)

print(f"| solver | rtol | vs PyBaMM 1e-8 to 3.0 V: RMS (max) | from 60 s on: RMS (max) | capacity vs PyBaMM 1e-8 | warm CPU, best of {repeats} | warm wall |")
for rtol in rtols:
    # each rtol in its own process, as side_by_side.py runs it (the model built and solved once before timing)
    code = f"""
import sys, time, numpy as np
sys.argv = ['side_by_side.py', 'half', '{rtol!r}', '{repeats}', '/tmp/wp_{rtol!r}.csv']
exec(open('{os.path.join(here, 'side_by_side.py')}').read())
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=here, env=os.environ).stdout
    line = [l for l in out.splitlines() if l.startswith("PyBaMM")][-1]
    wall = float(line.split("best warm ")[1].split(" ms wall")[0])
    cpu = float(line.split("ms wall, ")[1].split(" ms CPU")[0])
    run = np.loadtxt(f"/tmp/wp_{rtol!r}.csv", delimiter=",", skiprows=1)
    d, late = [], []
    for t, v in run[:-1]:  # the outputs every 10 s; the last row is the 2.5 V event
        k = np.searchsorted(ref[:, 0], t)
        if k < len(ref) and abs(ref[k, 0] - t) < 1e-9 and ref[k, 1] >= 3.0:
            d.append(v - ref[k, 1])
            if t >= 60:
                late.append(v - ref[k, 1])
    d, late = np.array(d), np.array(late)
    cap = 100 * (run[-1, 0] - ref[-1, 0]) / ref[-1, 0]
    print(f"| PyBaMM IDAKLU | {rtol:.0e} | {1e3*np.sqrt(np.mean(d**2)):.3f} ({1e3*np.abs(d).max():.2f}) mV | "
          f"{1e3*np.sqrt(np.mean(late**2)):.3f} ({1e3*np.abs(late).max():.2f}) mV | {cap:+.4f} % | {cpu:.1f} ms | {wall:.1f} ms |")
