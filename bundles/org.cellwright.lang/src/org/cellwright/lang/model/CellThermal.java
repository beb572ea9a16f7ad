package org.cellwright.lang.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cellwright.model.Cell;
import org.cellwright.model.Property;

/**
 * THE rule of which cells carry the lumped thermal model (docs/language.md, "Thermal model"): a cell that writes any
 * of {@link #PROPERTIES} runs with its temperature as a state and needs the whole set (a heat-transfer coefficient,
 * a cooling area and a heat capacity: {@code heat-capacity}, or {@code specific-heat-capacity} with {@code density}
 * and {@code volume}); {@code without thermal} keeps it isothermal whatever it writes; a cell without any stays
 * isothermal at its {@code temperature}.
 */
public final class CellThermal {
	private CellThermal() {
	}

	/** The switch that turns the model off: {@code cell C { without thermal }}. */
	public static final String SWITCH = "thermal";

	/** The cell properties of the lumped thermal model (PropertyCatalog has their units and ranges). */
	public static final List<String> PROPERTIES = List.of("heat-transfer-coefficient", "cooling-area", "heat-capacity",
			"specific-heat-capacity", "density", "volume", "ambient-temperature");

	/** Whether the cell runs with the lumped thermal model: it writes thermal data and does not switch it off. */
	public static boolean isThermal(Cell c) {
		return !Cells.switchedOff(c).contains(SWITCH) && given(c) != null;
	}

	/** The first thermal property the cell writes (its base cells' included), or null. */
	public static Property given(Cell c) {
		Map<String, Property> p = Cells.effectiveProperties(c);
		for (String n : PROPERTIES)
			if (p.containsKey(n)) return p.get(n);
		return null;
	}

	/**
	 * What a cell that runs the thermal model lacks, as the names to write ("specific-heat-capacity, density, volume
	 * or heat-capacity" for a missing heat capacity); empty when it is complete, isothermal or switched off.
	 */
	public static List<String> missing(Cell c) {
		List<String> out = new ArrayList<>();
		if (!isThermal(c)) return out;
		Map<String, Property> p = Cells.effectiveProperties(c);
		for (String n : List.of("heat-transfer-coefficient", "cooling-area"))
			if (!p.containsKey(n)) out.add(n);
		if (!p.containsKey("heat-capacity")) {
			List<String> parts = new ArrayList<>();
			for (String n : List.of("specific-heat-capacity", "density", "volume"))
				if (!p.containsKey(n)) parts.add(n);
			if (!parts.isEmpty())
				out.add(parts.size() == 3 ? "heat-capacity (or specific-heat-capacity, density and volume)"
						: String.join(", ", parts) + " (or heat-capacity)");
		}
		return out;
	}
}
