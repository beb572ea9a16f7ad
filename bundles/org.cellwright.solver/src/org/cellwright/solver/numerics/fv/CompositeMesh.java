package org.cellwright.solver.numerics.fv;

import java.util.List;

/**
 * Domains meshed one after another along x (e.g. negative electrode | separator | positive electrode), with one
 * global cell numbering. The face between two cells, also across a domain interface, is shared: what leaves one cell
 * enters the next, so sums of fluxes telescope (conservation).
 */
public final class CompositeMesh {
    private final List<Mesh1D> domains;
    private final int[] firstCell;
    private final double[] centre, width;
    private final int[] domainOf;

    public CompositeMesh(List<Mesh1D> domains) {
        if (domains.isEmpty()) throw new IllegalArgumentException("no domains");
        this.domains = List.copyOf(domains);
        firstCell = new int[domains.size() + 1];
        for (int d = 0; d < domains.size(); d++) {
            if (d > 0 && Math.abs(domains.get(d).x0() - domains.get(d - 1).x1()) > 1e-12 * domains.get(d).length())
                throw new IllegalArgumentException("domain " + d + " does not start where domain " + (d - 1) + " ends");
            firstCell[d + 1] = firstCell[d] + domains.get(d).cells();
        }
        int n = firstCell[domains.size()];
        centre = new double[n];
        width = new double[n];
        domainOf = new int[n];
        for (int d = 0; d < domains.size(); d++) {
            Mesh1D m = domains.get(d);
            for (int i = 0; i < m.cells(); i++) {
                int g = firstCell[d] + i;
                centre[g] = m.centre(i);
                width[g] = m.width();
                domainOf[g] = d;
            }
        }
    }

    public int cells() { return centre.length; }

    public List<Mesh1D> domains() { return domains; }

    public int firstCell(int domain) { return firstCell[domain]; }

    public int domainOf(int cell) { return domainOf[cell]; }

    public double centre(int cell) { return centre[cell]; }

    public double width(int cell) { return width[cell]; }

    /** Distance from the centre of cell i to its right face (= half its width). */
    public double halfWidth(int cell) { return 0.5 * width[cell]; }

    public double x0() { return domains.get(0).x0(); }

    public double x1() { return domains.get(domains.size() - 1).x1(); }
}
