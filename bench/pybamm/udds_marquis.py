"""PyBaMM side of the hard drive cycle of docs/dfn.md ("Drive cycles"): UDDS with its largest magnitude scaled to 2 C
of PyBaMM's Marquis 2019 cell (the COMSOL comparison set: 1 C = 0.680616 A on 0.137 x 0.207 m2 = 24.0 A/m2), looped
to an hour, isothermal DFN on PyBaMM's benchmark mesh (20 volumes per domain, 30 per particle), IDAKLU.
Writes time [s], voltage [V], current [A] every second.

    python3 udds_marquis.py CYCLES_DIR [rtol] [out.csv]
"""
import sys

import numpy as np
import pybamm

cycles = sys.argv[1]
rtol = float(sys.argv[2]) if len(sys.argv) > 2 else 1e-6
out = sys.argv[3] if len(sys.argv) > 3 else "udds_marquis_2C_pybamm.csv"
duration = 3600.0

data = np.loadtxt(f"{cycles}/UDDS.csv", comments="#", delimiter=",")
t, i = data[:, 0], data[:, 1]
period = 2 * t[-1] - t[-2]  # last time + last interval, as CellWright's DriveCycle loops it
from pybamm.input.parameters.lithium_ion import Marquis2019

values = pybamm.ParameterValues(Marquis2019.get_parameter_values())
scale = 2 * values["Nominal cell capacity [A.h]"] / np.max(np.abs(i))  # the largest magnitude as 2 C
n = int(np.ceil(duration / period)) + 1
tt = np.concatenate([t + k * period for k in range(n)])
ii = np.concatenate([i for _ in range(n)]) * scale
values["Current function [A]"] = pybamm.Interpolant(tt, ii, pybamm.t, interpolator="linear")
model = pybamm.lithium_ion.DFN()
var_pts = {"x_n": 20, "x_s": 20, "x_p": 20, "r_n": 30, "r_p": 30}
solver = pybamm.IDAKLUSolver(rtol=rtol, atol=rtol)
sim = pybamm.Simulation(model, parameter_values=values, var_pts=var_pts, solver=solver)
t_out = np.arange(0, duration + 0.5, 1.0)
sol = sim.solve([0, duration], t_interp=t_out)
v = sol["Voltage [V]"].entries
cur = sol["Current [A]"].entries
ts = sol["Time [s]"].entries
print(f"PyBaMM {pybamm.__version__} UDDS 2 C Marquis 2019, rtol=atol={rtol:g}: end {ts[-1]:.1f} s, V {v.min():.4f} .. {v.max():.4f}")
with open(out, "w") as f:
    f.write(f"# PyBaMM {pybamm.__version__} DFN (isothermal), Marquis2019 set, UDDS with its largest magnitude as 2 C "
            f"({scale * np.max(np.abs(i)):.6f} A) looped to {duration:.0f} s,\n")
    f.write(f"# mesh 20/20/20 x 30/30, IDAKLU rtol = atol = {rtol:g}: bench/pybamm/udds_marquis.py\n")
    f.write("time_s,voltage_V,current_A\n")
    for a, b, c in zip(ts, v, cur):
        f.write(f"{a:g},{b:.7f},{c:.7f}\n")
