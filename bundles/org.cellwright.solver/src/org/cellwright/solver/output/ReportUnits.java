package org.cellwright.solver.output;

/** Conversions from SI to report units. */
public final class ReportUnits {
    private ReportUnits() {}

    public static final double FARADAY = 96485.33212;

    public static double hours(double seconds) { return seconds / 3600.0; }
    /** A/m2 to mA/cm2. */
    public static double mAPerCm2(double ampPerM2) { return ampPerM2 * 0.1; }
    /** C/m2 to mAh/cm2. */
    public static double mAhPerCm2(double coulombPerM2) { return coulombPerM2 / 36000.0; }
    /** mol/m2 of Li to mAh/cm2. */
    public static double lithiumMAhPerCm2(double molPerM2) { return molPerM2 * FARADAY / 36000.0; }
    /** C/kg to mAh/g. */
    public static double mAhPerG(double coulombPerKg) { return coulombPerKg / 3600.0; }
    public static double mV(double volt) { return volt * 1000.0; }
    public static double mPa(double pascal) { return pascal * 1e-6; }
    /** K to degC. */
    public static double degC(double kelvin) { return kelvin - 273.15; }
}
