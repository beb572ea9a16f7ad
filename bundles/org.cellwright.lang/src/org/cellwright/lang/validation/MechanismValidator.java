package org.cellwright.lang.validation;

import static org.cellwright.model.CellwrightPackage.Literals.*;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.cellwright.lang.model.CellThermal;
import org.cellwright.lang.model.Cells;
import org.cellwright.lang.text.Printable;
import org.cellwright.model.Cell;
import org.cellwright.model.Composite;
import org.cellwright.model.Layer;
import org.cellwright.model.Material;
import org.cellwright.model.MaterialKind;
import org.eclipse.xtext.validation.Check;

/**
 * Optional mechanisms switched off in a layer ({@code layer foil: Li 350 um { without contact-loss }}): each name must
 * be a mechanism the layer's material has, named once; a note where the cell's solver has no such mechanism (the DFN
 * solver's planar Li electrode has no contact-loss model). The solver's names: org.cellwright.solver.input.OptionalMechanism.
 */
public class MechanismValidator extends AbstractCellWrightRules {

	/** The switchable mechanisms of a layer of this material (lower case with hyphens, as written). */
	public static List<String> switchable(Material m) {
		if (m != null && !(m instanceof Composite) && m.getKind() == MaterialKind.LITHIUM_METAL) return List.of("contact-loss");
		return List.of();
	}

	/** The switchable mechanisms of a cell: its lumped thermal model (docs/language.md, "Thermal model"). */
	public static final List<String> CELL_SWITCHABLE = List.of(CellThermal.SWITCH);

	@Check
	public void switchedOff(Cell c) {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < c.getSwitchedOff().size(); i++) {
			String name = c.getSwitchedOff().get(i);
			if (!CELL_SWITCHABLE.contains(name))
				error("cell " + c.getName() + ": " + Printable.quoted("without " + name) + ": no such mechanism of a cell; switchable: "
						+ String.join(", ", CELL_SWITCHABLE), c, CELL__SWITCHED_OFF, i, UNKNOWN_PROPERTY);
			else if (!seen.add(name))
				warning("cell " + c.getName() + ": " + name + " is switched off twice", c, CELL__SWITCHED_OFF, i, DUPLICATE_NAME);
		}
		// a warning here (a cell extending this one may complete the data); running the cell is an error (DfnMapping)
		List<String> missing = CellThermal.missing(c);
		if (!missing.isEmpty())
			warning("cell " + c.getName() + " gives part of the lumped thermal model's data (" + CellThermal.given(c).getName()
					+ "): it lacks " + String.join("; ", missing) + ". Add them, or write 'without thermal' to run it isothermal",
					c, ELEMENT__NAME, MISSING_PROPERTY);
	}

	@Check
	public void switchedOff(Layer l) {
		List<String> known = switchable(l.getMaterial());
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < l.getSwitchedOff().size(); i++) {
			String name = l.getSwitchedOff().get(i);
			if (!known.contains(name))
				error("layer " + l.getName() + ": " + Printable.quoted("without " + name) + ": "
						+ (known.isEmpty() ? "its material has no optional mechanism to switch off"
								: "no such mechanism here; switchable: " + String.join(", ", known)),
						l, LAYER__SWITCHED_OFF, i, UNKNOWN_PROPERTY);
			else if (!seen.add(name))
				warning("layer " + l.getName() + ": " + name + " is switched off twice", l, LAYER__SWITCHED_OFF, i, DUPLICATE_NAME);
			else if (l.eContainer() instanceof Cell c && Cells.runsOnDfnSolver(c))
				info("'without " + name + "' has no effect in cell " + c.getName() + ": it runs on the DFN solver (a cell with a "
						+ "liquid electrolyte), whose planar Li electrode has no " + name + " model; the foil always keeps full contact there",
						l, LAYER__SWITCHED_OFF, i, NO_EFFECT);
		}
	}
}
