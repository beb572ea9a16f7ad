package org.cellwright.editor.table;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cellwright.editor.properties.ModelEditing;
import org.cellwright.editor.properties.ModelPropertySource;
import org.cellwright.editor.properties.QuantityInput;
import org.cellwright.lang.model.Cells;
import org.cellwright.lang.properties.PropertyCatalog;
import org.cellwright.model.Cell;
import org.cellwright.model.Material;
import org.cellwright.model.Model;
import org.cellwright.model.Property;
import org.cellwright.model.PropertyOwner;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.ecore.EObject;

/**
 * A table of a .cell file's model, as Sirius tables show one: the materials against their properties, or the cells
 * against their parameters, values with units. No SWT here: the table editor shows it, tests and the CSV export
 * read it. A value typed into a column is checked like in the Properties view ({@link QuantityInput}: dimension,
 * unit, range) and becomes one EMF command for all the rows it is typed into.
 */
public final class ModelTable {

	/** Which table. */
	public enum Kind {
		MATERIALS("Materials", PropertyCatalog.Owner.MATERIAL), CELLS("Cells", PropertyCatalog.Owner.CELL);

		public final String title;
		final PropertyCatalog.Owner owner;

		Kind(String title, PropertyCatalog.Owner owner) {
			this.title = title;
			this.owner = owner;
		}
	}

	/** A column: the name, the kind or base (read-only), or a property of the catalogue (entry set, editable). */
	public record Column(String id, String header, PropertyCatalog.Entry entry) {
		public boolean editable() { return entry != null; }
	}

	public static final String NAME = "name", KIND = "kind", EXTENDS = "extends";

	private final Kind kind;
	private final List<PropertyOwner> rows = new ArrayList<>();
	private final List<Column> columns = new ArrayList<>();

	public ModelTable(Kind kind, EObject root) {
		this.kind = kind;
		if (root instanceof Model m)
			for (EObject e : m.getElements())
				if (kind == Kind.MATERIALS ? e instanceof Material : e instanceof Cell) rows.add((PropertyOwner) e);
		columns.add(new Column(NAME, "Name", null));
		columns.add(kind == Kind.MATERIALS ? new Column(KIND, "Kind", null) : new Column(EXTENDS, "Extends", null));
		// materials: the properties written in this file, in the catalogue's order; cells: every cell parameter
		Set<String> used = new LinkedHashSet<>();
		for (PropertyOwner o : rows) for (Property p : o.getProperties()) used.add(p.getName());
		for (PropertyCatalog.Entry e : PropertyCatalog.entries(kind.owner))
			if (kind == Kind.CELLS || used.remove(e.name())) columns.add(new Column(e.name(), e.name(), e));
		for (String unknown : used) columns.add(new Column(unknown, unknown, null)); // not in the catalogue: shown, edited in the text
	}

	public Kind kind() { return kind; }

	public List<PropertyOwner> rows() { return rows; }

	public List<Column> columns() { return columns; }

	public Column column(String id) {
		return columns.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
	}

	/** The row of the element named so, or null. */
	public PropertyOwner row(String name) {
		return rows.stream().filter(r -> name.equals(nameOf(r))).findFirst().orElse(null);
	}

	static String nameOf(PropertyOwner o) {
		return o instanceof Material m ? m.getName() : o instanceof Cell c ? c.getName() : "";
	}

	/** What a cell shows: the value with its unit; a cell's value inherited from its base is marked so. */
	public String text(PropertyOwner row, Column column) {
		switch (column.id()) {
			case NAME: return nameOf(row) == null ? "" : nameOf(row);
			case KIND: return row instanceof Material m && m.getKind() != null && m.isSetKind() ? m.getKind().getLiteral() : "";
			case EXTENDS: return row instanceof Cell c && c.getBase() != null && !c.getBase().eIsProxy() ? c.getBase().getName() : "";
			default:
		}
		Property p = row instanceof Cell c ? Cells.effectiveProperties(c).get(column.id()) : Cells.property(row, column.id());
		if (p == null) return "";
		String v = QuantityInput.format(p.getValue());
		return row instanceof Cell c && p.eContainer() != c ? v + "  (inherited from " + ((Cell) p.eContainer()).getName() + ")" : v;
	}

	/** The value as written in the row itself (no inherited value), for the cell editor. */
	public String ownText(PropertyOwner row, Column column) {
		if (column.entry() == null) return text(row, column);
		Property p = Cells.property(row, column.id());
		return p == null ? "" : QuantityInput.format(p.getValue());
	}

	/** Why the typed text is refused for the column, or null (empty removes the value). */
	public static String check(Column column, String text) {
		if (column.entry() == null) return column.header() + " is edited in the text";
		return QuantityInput.check(text, column.entry(), true);
	}

	/**
	 * One command that sets the column to the typed value in every given row (several cells at once: one undo), or
	 * null if the value is refused or changes nothing.
	 */
	public static Command command(ModelEditing editing, List<PropertyOwner> targets, Column column, String text) {
		if (check(column, text) != null) return null;
		CompoundCommand all = new CompoundCommand(targets.size() == 1 ? "Set " + column.id()
				: "Set " + column.id() + " of " + targets.size() + " rows");
		for (PropertyOwner o : targets) {
			Command c = new ModelPropertySource(o, true, editing).command(column.id(), text);
			if (c != null) all.append(c);
		}
		return all.isEmpty() ? null : all.unwrap();
	}

	/** The table as CSV (commons-csv): a header of the column names, then a row per element, values with units. */
	public String csv() {
		StringWriter out = new StringWriter();
		try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(columns.stream().map(Column::header).toArray(String[]::new)).get())) {
			for (PropertyOwner r : rows) {
				List<String> values = new ArrayList<>();
				for (Column c : columns) values.add(text(r, c));
				p.printRecord(values);
			}
		} catch (IOException e) {
			throw new IllegalStateException(e); // a StringWriter does not fail
		}
		return out.toString();
	}
}
