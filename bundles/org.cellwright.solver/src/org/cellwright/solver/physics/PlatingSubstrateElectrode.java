package org.cellwright.solver.physics;

import org.cellwright.solver.LithiumInventory;
import org.cellwright.solver.OverpotentialKind;
import org.cellwright.solver.SimulationEvent;
import org.cellwright.solver.input.CellSpec;
import org.cellwright.solver.input.LayerSpec;
import org.cellwright.solver.input.MaterialSpec;

/**
 * A bare current collector on which Li is plated directly against the SE (anode-free side). Li nucleates with the
 * substrate's heterogeneous-nucleation overpotential ({@link HeterogeneousNucleation}: voltage dip at plating
 * onset); the deposit is mossy with characteristic size d, so its true area against the SE grows as
 * A = 1 + V_Li / d (Li volume per area over size), on which charge transfer runs, the SE is reduced
 * ({@link SolidElectrolyteInterphase}) and from which a fraction of stripped Li is left isolated ("dead").
 * Stripping slows down as the deposit (and with it A) vanishes, so the voltage rises at the end of stripping.
 */
public final class PlatingSubstrateElectrode implements ElectrodeModel {
    /** Li amount over which the first nuclei cover the substrate [mol/m2] (~0.005 mAh/cm2). */
    public static final double NUCLEATION_COVERAGE = 0.002;
    /** Li amount below which the substrate counts as bare again [mol/m2]. */
    public static final double BARE_THRESHOLD = 1e-6;

    /** Deposit thickness below which the Li no longer covers the whole collector [m]. */
    public static final double FILM_THICKNESS = 100e-9;

    private final String name;
    private final LithiumContext ctx;
    private final MaterialSpec substrate;
    private final double rcc;
    private final SolidElectrolyteInterphase sei;
    private double temperature, pressure;
    private double nDep, nDead, platedSinceBare;
    private double tDep, tDead, tPlated;
    private double etaCt, etaOhm, etaSei, etaNuc, lastI;
    private boolean nucleated;
    private double etaN;

    public PlatingSubstrateElectrode(String name, LayerSpec cc, MaterialSpec lithium, MaterialSpec electrolyte, double rcc,
            CellSpec cell) {
        this.name = name;
        this.ctx = new LithiumContext(lithium, electrolyte);
        this.substrate = cc == null ? null : cc.material();
        this.rcc = rcc;
        this.sei = ctx.newInterphase();
        setConditions(cell.temperature(), cell.stackPressure());
    }

    @Override public String name() { return name; }

    @Override
    public void setConditions(double t, double p) {
        temperature = t;
        pressure = p;
        etaN = ctx.nucleationOverpotential(substrate, t);
        sei.setTemperature(t); // growth and Li+ conduction of the interphase, each Arrhenius
    }

    /** Nucleation overpotential of Li on this substrate [V]. */
    public double nucleationOverpotential() { return etaN; }

    @Override public double openCircuitPotential() { return 0; }

    private double trueArea(double n) { return n * ctx.molarVolume / ctx.depositSize; }

    @Override
    public double trial(double dt, double i) {
        lastI = i;
        double strip = Math.max(0, i) * dt / Constants.F;
        double plate = Math.max(0, -i) * dt / Constants.F;
        double dead = DeadLithium.left(strip, ctx.deadFraction);
        // SE reduction on the deposit's true area (end-of-step area)
        double n1 = nDep + plate - strip - dead;
        if (n1 < 0) return Double.NaN;
        double film = FILM_THICKNESS / ctx.molarVolume;
        double area = Math.min(1, n1 / film) + trueArea(n1);
        double consumed = sei.trial(dt, area);
        n1 -= consumed;
        if (n1 < 0) return Double.NaN;
        tDep = n1;
        tDead = nDead + dead;
        tPlated = (nDep < BARE_THRESHOLD ? 0 : platedSinceBare) + plate;
        double reactiveArea = i > 0 ? Math.max(1e-12, Math.min(1, n1 / film) + trueArea(n1)) : 1 + trueArea(n1);
        etaCt = ButlerVolmer.overpotential(ctx.i0(temperature), ctx.alpha, 1 - ctx.alpha, i / reactiveArea, temperature);
        etaNuc = i < 0 ? -HeterogeneousNucleation.onsetOverpotential(etaN, tPlated, NUCLEATION_COVERAGE) : 0;
        etaOhm = i * rcc;
        etaSei = i * sei.resistance(1);
        return etaCt + etaNuc + etaOhm + etaSei;
    }

    @Override
    public void addOverpotentials(double[] out, double sign) {
        out[OverpotentialKind.LITHIUM_KINETIC.ordinal()] += sign * etaCt;
        out[OverpotentialKind.NUCLEATION.ordinal()] += sign * etaNuc;
        out[OverpotentialKind.CONTACT.ordinal()] += sign * etaOhm;
        out[OverpotentialKind.INTERPHASE.ordinal()] += sign * etaSei;
    }

    @Override
    public void commit(PhysicsEvents events) {
        nDep = tDep;
        nDead = tDead;
        platedSinceBare = tPlated;
        sei.commit();
        if (nDep < BARE_THRESHOLD) nucleated = false;
        if (!nucleated && platedSinceBare > 3 * NUCLEATION_COVERAGE) {
            nucleated = true;
            {
                events.emit(SimulationEvent.Type.NUCLEATION, etaN, name + ": Li nucleated on "
                        + (substrate == null ? "the collector" : substrate.name()));
            }
        }
    }

    @Override
    public LithiumInventory inventory() { return new LithiumInventory(0, 0, 0, nDep, sei.lithium(), nDead, 0, 0); }

    @Override
    public double penetrationRatio() {
        if (nDep < BARE_THRESHOLD) return 0;
        return ctx.penetrationRatio(pressure, ctx.depositSize, -lastI, temperature);
    }
}
