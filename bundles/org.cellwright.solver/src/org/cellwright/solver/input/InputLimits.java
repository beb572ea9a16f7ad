package org.cellwright.solver.input;

import java.math.BigDecimal;
import java.math.MathContext;

import org.cellwright.solver.physics.Constants;

/**
 * The plausibility limits of a cell's inputs, in one place: the language's {@code check} (org.cellwright.lang.Limits
 * refers to these) and a hand-written {@code inputs.json} run again ({@link org.cellwright.solver.input.json.InputsJson}
 * reads it with them) refuse values beyond them, each at its place (file and line, or the member). README and
 * docs/language.md "Limits" list them with their reasons.
 */
public final class InputLimits {
    private InputLimits() {}

    /**
     * Thickest layer of a cell [m], 10 cm: the layers of a cell (foils, electrodes, separators, interlayers) are
     * micrometres to a few millimetres thick, and 10 cm is the size of a whole large-format cell. 'LPSCl 1e308 um'
     * passed and ended COMPLETED with voltages of 9e294 V.
     */
    public static final double MAX_LAYER_THICKNESS = 0.1;

    /**
     * Coldest temperature of a cell [K], -100 degC (173.15 K): below it every electrolyte of the library is frozen or a
     * glass (carbonate and ether electrolytes freeze above -80 degC), and the solvers' Arrhenius laws, fitted near room
     * temperature, are extrapolated by more than 6 decades for an activation energy of 60 kJ/mol; towards 0 K they
     * underflow to zero conductivity and diffusivity. The solvers refuse a temperature of 0 K or below.
     */
    public static final double MIN_TEMPERATURE = -100 + 273.15; // as -100 degC converts (degC + 273.15)

    /**
     * Hottest temperature of a cell [K], 500 degC (773.15 K): organic electrolytes boil and decompose below 300 degC,
     * and sulfide electrolytes and oxide cathodes decompose (oxygen release) below 500 degC: above it no cell the
     * solvers describe exists. A temperature of 1e9 degC passed and drew only the melting note at run time. A cell with
     * a lithium-metal layer has a lower one, {@link #LITHIUM_MELTING_POINT}.
     */
    public static final double MAX_TEMPERATURE = 500 + 273.15;

    /**
     * Hottest temperature of a cell with a lithium-metal layer [K], exclusive: lithium's melting point, 180.5 degC
     * ({@link Constants#LITHIUM_MELTING_POINT}, CRC Handbook). The solid-state model's lithium is a solid (its flow
     * stress, creep, plating and contact); at or above its melting point it describes no real cell (the runner warned,
     * the run went on).
     */
    public static final double LITHIUM_MELTING_POINT = Constants.LITHIUM_MELTING_POINT;

    /**
     * Longest time a protocol simulates [s], 20 years (one step's duration and a protocol's steps that end only by
     * their duration, repeats multiplied out): longer than the calendar life of any cell the models describe (a
     * lithium-ion cell is retired after 10 to 20 years in a car or a storage plant; the models have no ageing beyond
     * interphase growth and lithium loss that would describe more). 'rest for 1e300 h' ran until Ctrl-C (about 100,000
     * simulated hours a minute, its time series growing).
     */
    public static final double MAX_SIMULATED_TIME = 20 * 365.25 * 86400;

    /**
     * Smallest 'max-step' [s], 1 ms: a tenth of the sampling interval of a drive cycle recorded at 10 Hz, the finest a
     * protocol's current changes in the examples; below it an hour of cycling takes more than 3.6 million time steps
     * (the solid-state solver's steps are seconds to minutes long by themselves). 'max-step = 1e-300 s' was accepted.
     */
    public static final double MIN_MAX_STEP = 1e-3;

    /**
     * Highest stack pressure [Pa], 1 GPa (a cell's and an experiment's, 'set stack-pressure'): solid-state cells are
     * cycled at 5 to 75 MPa (Doux et al. 2020, Adv. Energy Mater. 10, 1903253, doi:10.1002/aenm.201903253; the
     * study's cells at 5 to 65 MPa), and the pressures they are made at (pellets pressed) are hundreds of MPa (review:
     * Wu et al. 2024, eScience, doi:10.1016/j.esci.2024.100247); 1 GPa is above any pressure a cell is made or cycled at. 'stack-pressure = 1e300 MPa' passed the check and ended NOT_CONVERGED at 0 s with a misleading reason.
     */
    public static final double MAX_STACK_PRESSURE = 1e9;

    /**
     * Highest stress property of a material [Pa] (Young's modulus, hardness, strengths, flow and penetration stresses),
     * 10 TPa: about ten times the Young's modulus of diamond, the stiffest material, 1.14 TPa (Klein and Cardinale 1993,
     * Diamond Relat. Mater. 2, 918, doi:10.1016/0925-9635(93)90250-6).
     */
    public static final double MAX_MATERIAL_STRESS = 1e13;

    /**
     * Largest electrode area of a cell [m2], 10 m2: a 350 Ah large-format cell at 3.5 mAh/cm2 (area = capacity /
     * areal capacity). 'area = 1e300 m2' passed.
     */
    public static final double MAX_AREA = 10;

    /**
     * Highest C-rate of a step [1/h], 1000 C (a full charge or discharge in 3.6 s): above the fastest rates measured,
     * 400 C, a full discharge in 9 s of a thin LiFePO4 electrode (Kang and Ceder 2009, Nature 458, 190,
     * doi:10.1038/nature07853).
     */
    public static final double MAX_C_RATE = 1000;

    /** Highest current density of a step [A/m2], 10 A/cm2: 1000 C ({@link #MAX_C_RATE}) of a thick, 10 mAh/cm2 electrode. */
    public static final double MAX_CURRENT_DENSITY = 1e5;

    /** Highest current of a step [A], 10 kA: 100 C of a 100 Ah large-format cell. */
    public static final double MAX_CURRENT = 1e4;

    /** Highest power density of a step [W/m2], 50 W/cm2: {@link #MAX_CURRENT_DENSITY} at 5 V, above any cell's voltage. */
    public static final double MAX_POWER_DENSITY = 5e5;

    /** Highest power of a step [W], 50 kW: {@link #MAX_CURRENT} at 5 V. */
    public static final double MAX_POWER = 5e4;

    /** A duration [s] as the limits' messages write it: "20 years", "1.1408e296 years". */
    public static String years(double s) {
        double y = s / (365.25 * 86400);
        return compact(y) + " years";
    }

    /** Why a step's duration or a protocol's timed steps [s] are beyond {@link #MAX_SIMULATED_TIME}, or null. */
    public static String durationProblem(double s) {
        return s > MAX_SIMULATED_TIME ? years(s) + " is longer than " + years(MAX_SIMULATED_TIME)
                + ", the longest time a protocol simulates, longer than any cell's calendar life (the limit, see 'Limits' in docs/language.md)" : null;
    }

    /** Why a stack pressure [Pa] is above {@link #MAX_STACK_PRESSURE}, or null. */
    public static String stackPressureProblem(double pa) {
        return pa > MAX_STACK_PRESSURE ? compact(pa / 1e6) + " MPa is above " + plain(MAX_STACK_PRESSURE / 1e6)
                + " MPa, the highest stack pressure of a cell (the limit, see 'Limits' in docs/language.md)" : null;
    }

    /** Why a cell's area [m2] is above {@link #MAX_AREA}, or null. */
    public static String areaProblem(double m2) {
        return m2 > MAX_AREA ? compact(m2) + " m2 is above " + plain(MAX_AREA)
                + " m2, the largest electrode area of a cell (the limit, see 'Limits' in docs/language.md)" : null;
    }

    /** Why a largest time step [s] is below {@link #MIN_MAX_STEP}, or null. */
    public static String maxStepProblem(double s) {
        return s < MIN_MAX_STEP ? compact(s) + " s is below " + plain(MIN_MAX_STEP * 1e3)
                + " ms, the smallest largest time step (the limit, see 'Limits' in docs/language.md)" : null;
    }

    /** Why a layer's thickness [m] is beyond {@link #MAX_LAYER_THICKNESS}, or null (also for none given, NaN). */
    public static String thicknessProblem(double m) {
        return m > MAX_LAYER_THICKNESS ? compact(m) + " m is thicker than " + plain(MAX_LAYER_THICKNESS * 100)
                + " cm, the thickest layer of a cell (the limit, see 'Limits' in docs/language.md)" : null;
    }

    /**
     * A temperature [K] in degC as the limits' and the runner's messages write it: "180.5 degC", "-100 degC", "200 degC";
     * beyond 1e9 as "1e300 degC" (it was written with all its 301 digits).
     */
    public static String degC(double kelvin) {
        return compact(kelvin - 273.15) + " degC";
    }

    /** A number to 5 significant digits, plain, without trailing zeros: 180.5, -173.15, 1000000000. */
    private static String plain(double v) {
        return new BigDecimal(v).round(new MathContext(5)).stripTrailingZeros().toPlainString();
    }

    /** A number as {@link #plain} from 1e-4 to 1e9, beyond as the language writes it (1e300, 2.5e-12); "Infinity", "NaN". */
    private static String compact(double v) {
        if (!Double.isFinite(v)) return Double.toString(v);
        double a = Math.abs(v);
        if (a == 0 || a >= 1e-4 && a < 1e9) return plain(v);
        return new BigDecimal(v).round(new MathContext(5)).stripTrailingZeros().toString().replace("E+", "e").replace("E", "e");
    }

    /**
     * Why a cell's temperature [K] is beyond the limits, or null: outside {@link #MIN_TEMPERATURE} to
     * {@link #MAX_TEMPERATURE}, or (lithiumMetal: the cell has a lithium-metal layer) at or above
     * {@link #LITHIUM_MELTING_POINT}.
     */
    public static String temperatureProblem(double kelvin, boolean lithiumMetal) {
        if (!(kelvin >= MIN_TEMPERATURE && kelvin <= MAX_TEMPERATURE))
            return degC(kelvin) + " is outside " + degC(MIN_TEMPERATURE) + " to " + degC(MAX_TEMPERATURE) + " (the limit, see 'Limits' in docs/language.md)";
        if (lithiumMetal && kelvin >= LITHIUM_MELTING_POINT) return meltingProblem(kelvin);
        return null;
    }

    /** The message of a temperature [K] at or above lithium's melting point in a cell with a lithium-metal layer. */
    public static String meltingProblem(double kelvin) {
        return degC(kelvin) + " is at or above lithium's melting point, " + degC(LITHIUM_MELTING_POINT)
                + ", and the cell has a lithium-metal layer: the model's lithium is a solid (the limit, see 'Limits' in docs/language.md)";
    }
}
