package org.cellwright.solver.output;

import static org.cellwright.solver.output.ReportUnits.*;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.cellwright.solver.CycleSummary;
import org.cellwright.solver.LithiumInventory;
import org.cellwright.solver.OverpotentialKind;
import org.cellwright.solver.ResultSink;
import org.cellwright.solver.RunInfo;
import org.cellwright.solver.RunStatus;
import org.cellwright.solver.Sample;

/**
 * Streams {@code timeseries.csv} and {@code cycles.csv} into a directory. Headers carry units. Times (time_h,
 * start_h, end_h) are written to round-trip (the shortest decimal of the double), the other values with 7 significant
 * digits. Files are closed on {@link #finish}; {@link #close} may also be called (idempotent).
 */
public final class CsvResultWriter implements ResultSink, AutoCloseable {

    public static final String TIMESERIES_HEADER;
    /** The one text column of cycles.csv: how each step of the cycle ended, "0:voltage-cutoff 1:duration". */
    public static final String STEP_ENDS = "step_ends";
    public static final String CYCLES_HEADER =
            "cycle,charge_mAh_cm2,discharge_mAh_cm2,coulombic_efficiency,discharge_mAh_g,start_h,end_h,"
                    + "li_active_mAh_cm2,li_dead_mAh_cm2,li_interphase_mAh_cm2," + STEP_ENDS;

    static {
        StringBuilder b = new StringBuilder(
                "time_h,step,cycle,voltage_V,current_mA_cm2,temperature_K,stack_pressure_MPa,step_capacity_mAh_cm2,ocv_V");
        for (OverpotentialKind k : OverpotentialKind.values()) b.append(',').append(k.column());
        b.append(",li_foil_mAh_cm2,li_interlayer_pores_mAh_cm2,li_cc_side_mAh_cm2,li_se_side_mAh_cm2,"
                + "li_interphase_mAh_cm2,li_dead_mAh_cm2,li_host_mAh_cm2,li_cathode_mAh_cm2");
        TIMESERIES_HEADER = b.toString();
    }

    private final BufferedWriter ts;
    private final BufferedWriter cy;
    private boolean closed;

    public CsvResultWriter(Path directory) {
        try {
            Files.createDirectories(directory);
            ts = Files.newBufferedWriter(directory.resolve("timeseries.csv"), StandardCharsets.UTF_8);
            cy = Files.newBufferedWriter(directory.resolve("cycles.csv"), StandardCharsets.UTF_8);
            ts.write(TIMESERIES_HEADER);
            ts.newLine();
            cy.write(CYCLES_HEADER);
            cy.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override public void start(RunInfo info) {}

    @Override
    public void sample(Sample s) {
        StringBuilder b = new StringBuilder(256);
        time(b, hours(s.time())).append(',').append(s.stepIndex()).append(',').append(s.cycleIndex()).append(',');
        num(b, s.voltage()).append(',');
        num(b, mAPerCm2(s.current())).append(',');
        num(b, s.temperature()).append(',');
        num(b, mPa(s.stackPressure())).append(',');
        num(b, mAhPerCm2(s.stepCapacity())).append(',');
        num(b, s.ocv());
        for (double e : s.overpotentials()) num(b.append(','), e);
        LithiumInventory li = s.lithium();
        for (double v : new double[] {li.foil(), li.interlayerPores(), li.currentCollectorSide(), li.seSide(),
                li.interphase(), li.dead(), li.host(), li.cathode()})
            num(b.append(','), lithiumMAhPerCm2(v));
        line(ts, b.toString());
    }

    @Override
    public void cycle(CycleSummary c) {
        StringBuilder b = new StringBuilder(128);
        b.append(c.index()).append(',');
        num(b, mAhPerCm2(c.chargeCapacity())).append(',');
        num(b, mAhPerCm2(c.dischargeCapacity())).append(',');
        num(b, c.coulombicEfficiency()).append(',');
        num(b, mAhPerG(c.dischargeSpecificCapacity())).append(',');
        time(b, hours(c.startTime())).append(',');
        time(b, hours(c.endTime())).append(',');
        num(b, lithiumMAhPerCm2(c.lithiumAtEnd().activeMetal())).append(',');
        num(b, lithiumMAhPerCm2(c.lithiumAtEnd().dead())).append(',');
        num(b, lithiumMAhPerCm2(c.lithiumAtEnd().interphase())).append(',');
        b.append(c.stepEnds()); // how each step ended: "step:end ..." (CycleSummary#stepEnds)
        line(cy, b.toString());
    }

    @Override public void finish(RunStatus status) { close(); }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            ts.close();
            cy.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(BufferedWriter w, String s) {
        try {
            w.write(s);
            w.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A value with 7 significant digits (a quantity's own resolution); nothing for NaN. */
    private static StringBuilder num(StringBuilder b, double v) {
        if (Double.isNaN(v)) return b;
        return b.append(String.format(Locale.ROOT, "%.7g", v));
    }

    /**
     * A time [h] as the shortest decimal that reads back as the same double (plain, without exponent): with 7
     * significant digits a sample past 100 h was rounded to 0.36 s, past 1000 h to 3.6 s, and the samples of a 1 s
     * pulse late in a long test fell on the same printed time (fuzzing, session 18). Readers parse either form.
     */
    private static StringBuilder time(StringBuilder b, double hours) {
        if (Double.isNaN(hours)) return b;
        if (Double.isInfinite(hours)) return b.append(hours);
        String t = java.math.BigDecimal.valueOf(hours).toPlainString();
        return b.append(t.endsWith(".0") ? t.substring(0, t.length() - 2) : t);
    }
}
