package org.cellwright.solver;

/**
 * Where the cell's lithium is, in mol/m2 of geometric area: Li metal foil(s), Li metal inside interlayer pores,
 * Li metal between interlayer (or SE) and the anode current collector (current-collector side), Li metal in
 * contact with the SE (SE side), Li bound in the SE-reduction interphase, isolated ("dead") Li, Li alloyed into an
 * interlayer host (e.g. Li15Si4) and Li in the cathode (its active material's Li less the Li+ its catholyte released
 * when oxidised in the cathode-electrolyte interphase).
 */
public record LithiumInventory(double foil, double interlayerPores, double currentCollectorSide, double seSide,
        double interphase, double dead, double host, double cathode) {

    public static final LithiumInventory ZERO = new LithiumInventory(0, 0, 0, 0, 0, 0, 0, 0);

    public double total() {
        return foil + interlayerPores + currentCollectorSide + seSide + interphase + dead + host + cathode;
    }

    /** Li metal that can still be stripped (foil, pores, CC side, SE side). */
    public double activeMetal() { return foil + interlayerPores + currentCollectorSide + seSide; }

    public LithiumInventory plus(LithiumInventory o) {
        return new LithiumInventory(foil + o.foil, interlayerPores + o.interlayerPores,
                currentCollectorSide + o.currentCollectorSide, seSide + o.seSide, interphase + o.interphase,
                dead + o.dead, host + o.host, cathode + o.cathode);
    }
}
