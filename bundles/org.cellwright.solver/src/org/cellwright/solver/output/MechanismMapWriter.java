package org.cellwright.solver.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.physics.ElectrodeFactory;
import org.cellwright.solver.physics.LithiumFeatureSize;
import org.cellwright.solver.physics.LithiumFlowStress;

/**
 * Writes the deformation-mechanism map of a cell's Li ({@code mechanism-map.csv}): flow stress against the
 * characteristic size, for dislocation plasticity with its size effect and for diffusional (Coble) creep, and the
 * lower of the two that Li actually flows at ({@link LithiumFlowStress}). {@link #characteristicSize} gives the
 * size to mark on it (e.g. the interlayer's pore size after formation).
 */
public final class MechanismMapWriter {
    public static final String HEADER = "size_m,dislocation_MPa,diffusional_creep_MPa,flow_stress_MPa";
    /** Smallest and largest size of the map [m] and the number of points (log grid, 20 per decade). */
    public static final double MIN_SIZE = 10e-9, MAX_SIZE = 100e-6;
    public static final int POINTS = 81;

    private MechanismMapWriter() {}

    /** Rows {size [m], dislocation [Pa], Coble creep [Pa], flow stress [Pa]} on the log grid. */
    public static double[][] map(CellSpec cell, double temperatureK, double strainRate) {
        LithiumFlowStress li = new LithiumFlowStress(ElectrodeFactory.lithiumOf(cell));
        return li.deformationMap(MIN_SIZE, MAX_SIZE, POINTS, strainRate, temperatureK);
    }

    /** Writes the map of the cell's Li at a temperature [K] and strain rate [1/s] to csv (parent folders created). */
    public static void write(CellSpec cell, double temperatureK, double strainRate, Path csv) {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (double[] r : map(cell, temperatureK, strainRate))
            b.append(String.format(Locale.ROOT, "%.6g,%.6g,%.6g,%.6g%n", r[0], ReportUnits.mPa(r[1]), ReportUnits.mPa(r[2]),
                    ReportUnits.mPa(r[3])));
        try {
            if (csv.getParent() != null) Files.createDirectories(csv.getParent());
            Files.writeString(csv, b, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + csv + ": " + e.getMessage(), e);
        }
    }

    /** Characteristic size [m] of the Li pressing on the SE in this cell ({@link LithiumFeatureSize}). */
    public static double characteristicSize(CellSpec cell) { return LithiumFeatureSize.of(cell); }
}
