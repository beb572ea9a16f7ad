package org.cellwright.solver.dfn;

/** An electrolyte-filled separator: thickness [m], porosity [-] and the electrolyte Bruggeman exponent. */
public record PorousSeparator(double thickness, double porosity, double electrolyteBruggeman) {

    public double electrolyteEfficiency() { return Bruggeman.transportEfficiency(porosity, electrolyteBruggeman); }
}
