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

    /** Why a layer's thickness [m] is beyond {@link #MAX_LAYER_THICKNESS}, or null (also for none given, NaN). */
    public static String thicknessProblem(double m) {
        return m > MAX_LAYER_THICKNESS ? plain(m) + " m is thicker than " + plain(MAX_LAYER_THICKNESS * 100)
                + " cm, the thickest layer of a cell (the limit, see 'Limits' in docs/language.md)" : null;
    }

    /** A temperature [K] in degC as the limits' and the runner's messages write it: "180.5 degC", "-100 degC", "200 degC". */
    public static String degC(double kelvin) {
        return plain(kelvin - 273.15) + " degC";
    }

    /** A number to 5 significant digits, plain, without trailing zeros: 180.5, -173.15, 1000000000. */
    private static String plain(double v) {
        return new BigDecimal(v).round(new MathContext(5)).stripTrailingZeros().toPlainString();
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
