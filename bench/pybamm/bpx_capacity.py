"""PyBaMM side of CellWright's BPX 1C capacities (issue 14: "every BPX file runs a 1C discharge, and its capacity
agrees with the capacity the file states within 2 %"; BpxRunTest, docs/sharing.md "BPX files that run").

For every file of ../shared/data/bpx and ../shared/data/bpx-real, with an installed PyBaMM and the BPX package
(`import bpx`, ../shared/tools/bpx-validator), it runs the discharge CellWright's import writes as
`experiment Discharge1C`:
  - parameters: `pybamm.ParameterValues.create_from_bpx(file)`, nothing changed but the initial state below;
  - model: the file's header `Model` (DFN, or SPM), with the options the file needs: "particle phases" for a blended
    electrode, `"open-circuit potential": "current sigmoid"` (zeroth-order hysteresis: the delithiation branch on
    discharge, as CellWright's ZerothOrderHysteresis) where an electrode gives lithiation/delithiation OCP branches,
    and `"thermal": "lumped"` where the file gives all the lumped thermal data (density, specific heat capacity,
    external surface area, volume, and a heat transfer coefficient in its State), as CellWright's import runs it;
    otherwise isothermal at the file's ambient temperature;
  - initial state: the file's initial state of charge s (its State's, else 1, as both PyBaMM and CellWright take it)
    as BPX defines it: negative x0 = min + s (max - min), positive y0 = max - s (max - min), per particle population.
    PyBaMM's own initial state (create_from_bpx goes through set_initial_state when a State gives a SOC, or the
    legacy conversion synthesises one) is run as well where it differs, and recorded beside it;
  - 1C = the file's nominal capacity in an hour (create_from_bpx's "Current function [A]"), from rest to the file's
    lower voltage cut-off (PyBaMM's "Minimum voltage [V]" event), on PyBaMM's benchmark mesh (20 finite volumes per
    electrode and separator, 30 per particle: CellWright's DFN defaults), IDAKLU at rtol = atol;
  - capacity: PyBaMM's "Discharge capacity [A.h]" at the cut-off.
A file create_from_bpx cannot load is recorded with PyBaMM's error; if its title names the file it is based on
("based on X.json") and its parameters are a subset of X's with equal values (the SPM file: X's without the
electrolyte, separator and electrode porosities), its model runs on X's parameters and the row says so.
Beside PyBaMM's capacity it records the file's nominal capacity and the charge of its measured 1C discharge
("Validation" / "1C discharge", trapezoidal integral of |I| dt; or that of the file its title says to compare it
with), and, given the path of CellWright's launcher, CellWright's capacity (`import-bpx` then `run --experiment
Discharge1C`, summary.json). Writes all of it as JSON (with PyBaMM's version and the command).

    python3 bpx_capacity.py [rtol] [out.json] [path/to/cellwright]
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import warnings

import numpy as np
import pybamm
import bpx
from pybamm.parameters.bpx import _get_particle_phases_option

rtol = float(sys.argv[1]) if len(sys.argv) > 1 else 1e-6
out = sys.argv[2] if len(sys.argv) > 2 and sys.argv[2] != "-" else None
cellwright = sys.argv[3] if len(sys.argv) > 3 else None
here = os.path.dirname(os.path.abspath(__file__))
shared = os.path.normpath(os.path.join(here, "../../../shared"))
dirs = ["data/bpx", "data/bpx-real"]
var_pts = {"x_n": 20, "x_s": 20, "x_p": 20, "r_n": 30, "r_p": 30,
           "r_n_prim": 30, "r_n_sec": 30, "r_p_prim": 30, "r_p_sec": 30}  # each population of a blend: 30 too


def measured_1c(root):
    """The charge of the file's measured 1C discharge [A h] (trapezoidal integral of |I| dt), or None."""
    d = root.get("Validation", {}).get("1C discharge")
    if d is None:
        return None
    t, i = np.asarray(d["Time [s]"], float), np.asarray(d["Current [A]"], float)
    return float(np.sum(np.abs(i[1:] + i[:-1]) / 2 * np.diff(t)) / 3600)


def populations(electrode):
    """The particle populations of a BPX electrode section: [(PyBaMM phase prefix, parameters)]."""
    if "Particle" in electrode:
        names = list(electrode["Particle"])
        prefixes = ["Primary: ", "Secondary: "] if len(names) > 1 else [""]
        return [(p, electrode["Particle"][n]) for p, n in zip(prefixes, names)]
    return [("", electrode)]


def hysteresis(par, section):
    """Whether the file gives the electrode's OCP as lithiation and delithiation branches (in "User-defined")."""
    return any(k.startswith(section) and "lithiation OCP" in k for k in par.get("User-defined", {}))


def thermal(root):
    cell = root["Parameterisation"]["Cell"]
    h = root.get("State", {}).get("Thermal environment", {}).get("Heat transfer coefficient [W.m-2.K-1]")
    return h is not None and all(k in cell for k in ("Density [kg.m-3]", "Specific heat capacity [J.K-1.kg-1]",
                                                     "External surface area [m2]", "Volume [m3]"))


def subset_of(part, whole):
    """The keys of part's Parameterisation that whole lacks or gives another value (empty: part is a subset)."""
    bad = []
    for s, sec in part["Parameterisation"].items():
        for k, v in sec.items():
            if whole["Parameterisation"].get(s, {}).get(k) != v:
                bad.append(f"{s} / {k}")
    return bad


def solve(model, values):
    sim = pybamm.Simulation(model, parameter_values=values, var_pts=var_pts,
                            solver=pybamm.IDAKLUSolver(rtol=rtol, atol=rtol))
    sol = sim.solve([0, 3 * 3600])
    return {"capacity_Ah": float(sol["Discharge capacity [A.h]"].entries[-1]),
            "end_s": float(sol["Time [s]"].entries[-1]), "end_V": float(sol["Voltage [V]"].entries[-1]),
            "termination": sol.termination}


def run_cellwright(path, launcher):
    """CellWright's 1C capacity of a BPX file: import-bpx, run --experiment Discharge1C, summary.json."""
    with tempfile.TemporaryDirectory() as d:
        subprocess.run([launcher, "import-bpx", path, "--out", d], check=True, capture_output=True)
        cell = os.path.join(d, os.path.basename(path).replace(".json", ".cell"))
        subprocess.run([launcher, "run", cell, "--experiment", "Discharge1C", "--out", os.path.join(d, "r")],
                       capture_output=True)
        with open(os.path.join(d, "r", "Discharge1C", "latest", "summary.json")) as f:
            s = json.load(f)
    # as BpxRunTest reads it: the first cycle's discharge [mAh/cm2] times the electrode area
    return s["cycles"][0]["discharge_mAh_cm2"] * s["area_cm2"] / 1000


rows = []
for d in dirs:
    for name in sorted(f for f in os.listdir(os.path.join(shared, d)) if f.endswith(".json")):
        path = os.path.join(shared, d, name)
        with open(path) as f:
            root = json.load(f)
        header, par = root["Header"], root["Parameterisation"]
        row = {"file": f"{os.path.basename(d)}/{name}", "model": header.get("Model", "DFN"),
               "nominal_Ah": float(par["Cell"]["Nominal cell capacity [A.h]"]),
               "lower_cutoff_V": float(par["Cell"]["Lower voltage cut-off [V]"])}
        measured, source = measured_1c(root), "the file's"
        m = re.search(r"Compare to (\S+\.json)", header.get("Title", ""))
        if measured is None and m and os.path.isfile(os.path.join(shared, "data/bpx", m.group(1))):
            with open(os.path.join(shared, "data/bpx", m.group(1))) as f:
                measured, source = measured_1c(json.load(f)), m.group(1) + "'s (named in the title)"
        row["measured_1C_Ah"] = measured
        row["measured_1C_source"] = source if measured is not None else None
        load = path
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                values = pybamm.ParameterValues.create_from_bpx(path)
            except Exception as e:
                row["create_from_bpx_error"] = f"{type(e).__name__}: {e}"
                b = re.search(r"based on (\S+\.json)", header.get("Title", ""))
                base = os.path.join(shared, "data/bpx", b.group(1)) if b else None
                if base is None or not os.path.isfile(base):
                    rows.append(row)
                    continue
                with open(base) as f:
                    differ = subset_of(root, json.load(f))
                if differ:
                    row["parameters_differ_from_base"] = differ
                    rows.append(row)
                    continue
                load = base
                row["parameters_from"] = f"data/bpx/{b.group(1)} (this file's parameters are a subset of it, equal values)"
                values = pybamm.ParameterValues.create_from_bpx(base)
            bpx_obj = bpx.parse_bpx_file(load)
        with open(load) as f:
            loaded = json.load(f)
        options = {}
        phases = _get_particle_phases_option(bpx_obj)
        if phases != ("1", "1"):
            options["particle phases"] = phases
        ocp = tuple("current sigmoid" if hysteresis(loaded["Parameterisation"], e) else "single"
                    for e in ("Negative electrode", "Positive electrode"))
        if ocp != ("single", "single"):
            options["open-circuit potential"] = ocp
        if thermal(root):
            options["thermal"] = "lumped"
        row["options"] = options
        model = {"DFN": pybamm.lithium_ion.DFN, "SPM": pybamm.lithium_ion.SPM,
                 "SPMe": pybamm.lithium_ion.SPMe}[row["model"]](options)
        # the initial state of charge as BPX defines it (the State's, else 1)
        soc = root.get("State", {}).get("Initial conditions", {}).get("Initial state-of-charge", 1.0)
        row["initial_soc"] = soc
        own, bpx_state = {}, values.copy()
        for sec, dom, neg in (("Negative electrode", "negative electrode", True),
                              ("Positive electrode", "positive electrode", False)):
            for prefix, p in populations(loaded["Parameterisation"][sec]):
                lo, hi = p["Minimum stoichiometry"], p["Maximum stoichiometry"]
                x0 = lo + soc * (hi - lo) if neg else hi - soc * (hi - lo)
                cmax = values[f"{prefix}Maximum concentration in {dom} [mol.m-3]"]
                key = f"{prefix}Initial concentration in {dom} [mol.m-3]"
                own[f"{prefix}{dom}"] = values[key] / cmax
                bpx_state[key] = x0 * cmax
                row.setdefault("initial_stoichiometry", {})[f"{prefix}{dom}"] = x0
        row.update(solve(model, bpx_state))
        if any(abs(own[k] - row["initial_stoichiometry"][k]) > 1e-9 for k in own):
            # PyBaMM's own initial state (set_initial_state through its electrode state-of-health solve)
            r = solve(model, values)
            row["pybamm_own_initial_stoichiometry"] = own
            row["pybamm_own_initial_capacity_Ah"] = r["capacity_Ah"]
        if cellwright:
            row["cellwright_Ah"] = run_cellwright(path, cellwright)
        print(f"{row['file']}: {row['model']} {options or ''} {row['capacity_Ah']:.4f} A h at {row['end_V']:.4f} V "
              f"({row['end_s']:.1f} s, {row['termination']}); nominal {row['nominal_Ah']} A h"
              + (f", measured {measured:.4f} A h" if measured else "")
              + (f", CellWright {row['cellwright_Ah']:.4f} A h" if cellwright else "")
              + (f"; PyBaMM's own initial state {row['pybamm_own_initial_stoichiometry']}: {row['pybamm_own_initial_capacity_Ah']:.4f} A h"
                 if "pybamm_own_initial_capacity_Ah" in row else ""), flush=True)
        rows.append(row)

if out:
    with open(out, "w") as f:
        json.dump({"pybamm": pybamm.__version__, "bpx": getattr(bpx, "__version__", None),
                   "command": "python3 bpx_capacity.py " + " ".join(sys.argv[1:2]) + " FILE"
                              + (" ../../cellwright" if cellwright else ""),
                   "solver": f"IDAKLU rtol = atol = {rtol:g}", "mesh": var_pts, "files": rows}, f, indent=1)
        f.write("\n")
