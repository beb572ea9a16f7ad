"""PyBaMM side of CellWright's DFN speed comparison (issues 13 and 14).

Runs, with an installed PyBaMM (`import pybamm`), on PyBaMM's benchmark mesh
(20 finite volumes per electrode and separator, 30 per particle), IDAKLU:
  full  - Chen 2020 LG M50 DFN, 1C discharge to 2.5 V (issue 14's speed case)
  half  - Chen 2020 NMC811 half cell against Li metal, single-ion electrolyte
          (t+ = 1), 1C discharge (issue 13's side by side)
  half-liquid - the same half cell with Chen 2020's own electrolyte (t+ = 0.2594): a mixed cell with salt gradients
  full-thermal - the full cell with PyBaMM's lumped thermal model ({"thermal": "lumped"}; heat of mixing off, its
          default) and Chen 2020's own thermal data (those of the library's Chen2020LGM50Thermal): the CSV adds the
          volume-averaged cell temperature [K] and the total, ohmic, irreversible-reaction and reversible heat [W]
  spm-thermal - the same cell and thermal model as a single-particle model (SPM({"thermal": "lumped"}), 30 shells per
          particle; its electrolyte and solid potentials are uniform, so no ohmic heat)
and prints the first and the best warm solve time (wall and process CPU) of N repeats and the capacity, and writes
time [s], voltage [V] at every 10 s (plus the end) to CSV for the Java benchmark to compare against.
With SIDE_BY_SIDE_STATS=1 in the environment it solves once more after the timed solves, with IDAKLU's
print_stats on, and so prints IDA's counts (steps, residual calls, linear solver setups, error test and
nonlinear convergence failures, order and step size at the end) beside CellWright's (DfnBenchmark prints its own).

    python3 side_by_side.py full|half|half-liquid|full-thermal|spm-thermal [rtol] [repeats] [out.csv]
"""
import os
import sys
import time

import numpy as np
import pybamm
from pybamm.input.parameters.lithium_ion import Chen2020, Xu2019

case = sys.argv[1] if len(sys.argv) > 1 else "full"
rtol = float(sys.argv[2]) if len(sys.argv) > 2 else 1e-6
repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 10
out = sys.argv[4] if len(sys.argv) > 4 else None

values = Chen2020.get_parameter_values()
if case == "spm-thermal":
    model = pybamm.lithium_ion.SPM({"thermal": "lumped"})
    var_pts = {"x_n": 20, "x_s": 20, "x_p": 20, "r_n": 30, "r_p": 30}
elif case in ("full", "full-thermal"):
    model = pybamm.lithium_ion.DFN({"thermal": "lumped"} if case == "full-thermal" else {})
    var_pts = {"x_n": 20, "x_s": 20, "x_p": 20, "r_n": 30, "r_p": 30}
else:
    model = pybamm.lithium_ion.DFN({"working electrode": "positive"})
    xu = Xu2019.get_parameter_values()
    for key, value in xu.items():  # the Li-metal counter electrode's parameters (Xu 2019), Chen 2020 for the rest
        values.setdefault(key, value)
    if case == "half":
        values["Cation transference number"] = 1.0  # single-ion conductor
    # Chen's initial NMC811 (x = 0.27) sits above the full cell's 4.2 V limit against Li: the upper limit is only an event
    values["Upper voltage cut-off [V]"] = 4.5
    var_pts = {"x_n": 20, "x_s": 20, "x_p": 20, "r_p": 30}
params = pybamm.ParameterValues(values)
solver = pybamm.IDAKLUSolver(rtol=rtol, atol=rtol)
sim = pybamm.Simulation(model, parameter_values=params, var_pts=var_pts, solver=solver)
t_eval = [0, 6000]  # ends at the 2.5 V cut-off event
t_interp = np.arange(0, 6001, 10.0)
t0 = time.perf_counter()
sol = sim.solve(t_eval, t_interp=t_interp)
first = time.perf_counter() - t0
best = best_cpu = float("inf")
for _ in range(repeats):
    t0, c0 = time.perf_counter(), time.process_time()
    sol = sim.solve(t_eval, t_interp=t_interp)
    best = min(best, time.perf_counter() - t0)
    best_cpu = min(best_cpu, time.process_time() - c0)
if os.environ.get("SIDE_BY_SIDE_STATS") == "1":  # IDA's counts of one more solve (not timed), printed by IDAKLU
    pybamm.Simulation(model, parameter_values=params, var_pts=var_pts,
                      solver=pybamm.IDAKLUSolver(rtol=rtol, atol=rtol, options={"print_stats": True})).solve(t_eval, t_interp=t_interp)
t = sol["Time [s]"].entries
v = sol["Voltage [V]"].entries
cap = sol["Discharge capacity [A.h]"].entries[-1]
print(f"PyBaMM {pybamm.__version__} {case} {model.name} 1C, rtol=atol={rtol:g}: first solve {first*1e3:.1f} ms (incl. set-up), "
      f"best warm {best*1e3:.1f} ms wall, {best_cpu*1e3:.1f} ms CPU of {repeats}; end {t[-1]:.1f} s at {v[-1]:.4f} V; capacity {cap:.5f} A h")
thermal = case in ("full-thermal", "spm-thermal")
if thermal:
    T = sol["Volume-averaged cell temperature [K]"].entries
    heats = [sol[name].entries for name in ("Total heating [W]", "Ohmic heating [W]", "Irreversible electrochemical heating [W]",
                                            "Reversible heating [W]")]
    print(f"temperature {T[0]:.3f} K -> {T[-1]:.3f} K (rise {T[-1] - T[0]:.3f} K, warmest {T.max():.3f} K); heat "
          f"{np.trapezoid(heats[0], t):.1f} J")
if out:
    with open(out, "w") as f:
        f.write("time_s,voltage_V" + (",temperature_K,heat_W,ohmic_heat_W,reaction_heat_W,reversible_heat_W" if thermal else "") + "\n")
        for k, (ti, vi) in enumerate(zip(t, v)):
            extra = (f",{T[k]:.8f}" + "".join(f",{h[k]:.8f}" for h in heats)) if thermal else ""
            f.write(f"{ti:.6f},{vi:.8f}{extra}\n")
