package org.cellwright.editor.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.cellwright.lang.model.Cells;
import org.cellwright.lang.properties.PropertyCatalog;
import org.cellwright.model.Cell;
import org.cellwright.model.CellwrightFactory;
import org.cellwright.model.CellwrightPackage;
import org.cellwright.model.Layer;
import org.cellwright.model.Material;
import org.cellwright.model.Property;
import org.cellwright.model.PropertyOwner;
import org.cellwright.model.Quantity;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.RemoveCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.jface.viewers.ICellEditorValidator;
import org.eclipse.ui.views.properties.ComboBoxPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;
import org.eclipse.ui.views.properties.PropertyDescriptor;
import org.eclipse.ui.views.properties.TextPropertyDescriptor;

/**
 * The properties of a layer (name, material, thickness and the layer properties of the catalog) or of a cell
 * (area, stack pressure, temperature, nominal capacity) for the standard Properties view. Values are typed with
 * their unit and read by {@link QuantityInput}; a wrong dimension or unknown unit is refused by the cell editor's
 * validator with the reason, and the model does not change. Every accepted edit is an EMF.Edit command on the
 * owner's command stack, so it can be undone and is printed back into the text.
 */
public class ModelPropertySource implements IPropertySource {

	static final String NAME = "name", MATERIAL = "material", THICKNESS = "thickness";
	private static final Pattern ID = Pattern.compile("\\^?[A-Za-z_][A-Za-z0-9_]*");
	private static final String GENERAL = "Layer", VALUES = "Properties (value and unit)", CELL = "Cell";

	private final PropertyOwner owner;
	private final boolean editableHere;
	private final ModelEditing editing;

	/** owner: a Layer or a Cell; own: written in the cell being edited (an inherited layer is shown read-only). */
	public ModelPropertySource(PropertyOwner owner, boolean own, ModelEditing editing) {
		this.owner = owner;
		this.editableHere = own;
		this.editing = editing;
	}

	public PropertyOwner owner() { return owner; }

	/**
	 * Why a layer's values are shown but not edited here, and where they are: "Layer wcc is inherited from Cell3
	 * (half-cells.cell:21): edit it there" (the Properties view shows it above the values, "edit it there" a link to
	 * {@link #definition}); null for a layer or cell edited here. Before, nothing said why no value opened for editing.
	 */
	public String inheritedFrom() {
		if (editableHere || !(owner instanceof Layer l) || !(l.eContainer() instanceof Cell c)) return null;
		return "Layer " + l.getName() + " is inherited from " + c.getName() + " ("
				+ org.cellwright.lang.validation.AbstractCellWrightRules.where(l) + "): " + EDIT_THERE;
	}

	/** The end of {@link #inheritedFrom}'s line, which the Properties view makes the link to the definition. */
	public static final String EDIT_THERE = "edit it there";

	/** The definition of an inherited layer (opened in its file, its name selected), or null: see {@link #inheritedFrom}. */
	public org.cellwright.editor.CellHyperlinkDetector.Target definition() {
		if (inheritedFrom() == null || owner.eResource() == null) return null;
		return org.cellwright.editor.CellHyperlinkDetector.definition(owner, new org.eclipse.jface.text.Region(0, 0), ((Layer) owner).getName());
	}

	private boolean canEdit() {
		return editableHere && editing.editable();
	}

	private List<PropertyCatalog.Entry> entries() {
		return PropertyCatalog.entries(owner instanceof Cell ? PropertyCatalog.Owner.CELL : PropertyCatalog.Owner.LAYER);
	}

	@Override
	public IPropertyDescriptor[] getPropertyDescriptors() {
		List<IPropertyDescriptor> out = new ArrayList<>();
		if (owner instanceof Layer) {
			out.add(describe(canEdit() ? new TextPropertyDescriptor(NAME, NAME) : new PropertyDescriptor(NAME, NAME), GENERAL,
					"the layer's name (other layers refer to it in before/after and remove)", v -> report(checkName(v))));
			out.add(describe(canEdit() ? new ComboBoxPropertyDescriptor(MATERIAL, MATERIAL, editing.materialLabels().toArray(String[]::new))
					: new PropertyDescriptor(MATERIAL, MATERIAL), GENERAL, "the material or composite of the layer", null));
			out.add(quantity(QuantityInput.THICKNESS, GENERAL));
		}
		for (PropertyCatalog.Entry e : entries()) out.add(quantity(e, owner instanceof Cell ? CELL : VALUES));
		return out.toArray(IPropertyDescriptor[]::new);
	}

	private IPropertyDescriptor quantity(PropertyCatalog.Entry e, String category) {
		boolean emptyAllowed = e != QuantityInput.THICKNESS || ((Layer) owner).getProperties().stream().anyMatch(p -> "areal-loading".equals(p.getName()));
		PropertyDescriptor d = canEdit() ? new TextPropertyDescriptor(e.name(), e.name()) : new PropertyDescriptor(e.name(), e.name());
		return describe(d, category, e.description() + "; " + e.expected() + (emptyAllowed ? " (empty removes it)" : ""),
				value -> typed(QuantityInput.check(withoutMarker(value), e, emptyAllowed), withoutMarker(value), e));
	}

	/**
	 * The validator's answer for a value being typed; the Properties view's line shows the refusal only when more
	 * typing cannot make the value acceptable ({@link QuantityInput#incomplete}), so "5" on its way to "5 um" does not
	 * flash a refusal. The answer itself still refuses it, so it is not applied as it stands.
	 */
	private String typed(String reason, String text, PropertyCatalog.Entry e) {
		editing.refused(reason == null || QuantityInput.incomplete(text, e) ? null : reason);
		return reason;
	}

	/** Tells the editor (which shows it in the Properties view) why the value is refused; returns the reason. */
	private String report(String reason) {
		editing.refused(reason);
		return reason;
	}

	/** The value as typed without the marker that says where an unset value comes from ("5 MPa  (inherited from Cell3)"). */
	static String withoutMarker(Object value) {
		return String.valueOf(value).replaceAll("\\s*\\((inherited|from|default|not set)[^)]*\\)\\s*$", "");
	}

	private static PropertyDescriptor describe(PropertyDescriptor d, String category, String description, ICellEditorValidator validator) {
		d.setCategory(category);
		d.setDescription(description);
		if (validator != null) d.setValidator(validator);
		return d;
	}

	private String checkName(Object value) {
		String name = String.valueOf(value).trim();
		if (!ID.matcher(name).matches()) return "'" + name + "' is not a name: letters, digits and _, starting with a letter";
		return Cells.layerRenameRefusal((Layer) owner, name); // the diagram's rename refuses the same
	}

	@Override
	public Object getEditableValue() {
		return this;
	}

	@Override
	public Object getPropertyValue(Object id) {
		if (owner instanceof Layer l) {
			if (NAME.equals(id)) return l.getName() == null ? "" : l.getName();
			if (MATERIAL.equals(id)) {
				String label = materialLabel(l.getMaterial());
				if (!canEdit()) return label;
				int i = editing.materialLabels().indexOf(label);
				return i;
			}
			if (THICKNESS.equals(id)) return QuantityInput.format(l.getThickness());
		}
		Property p = owner instanceof Cell c ? Cells.effectiveProperties(c).get(id) : Cells.property(owner, (String) id);
		if (p != null) {
			String text = QuantityInput.format(p.getValue());
			return owner instanceof Cell c && p.eContainer() != c ? text + "  (inherited from " + ((Cell) p.eContainer()).getName() + ")" : text;
		}
		return unset((String) id);
	}

	/**
	 * What applies to a property that is not written here: the layer's material's value, or the default the
	 * catalogue names, or {@link #NOT_SET}; marked so it is not taken for a value written in the cell.
	 */
	private String unset(String id) {
		if (owner instanceof Layer l && l.getMaterial() != null && !l.getMaterial().eIsProxy()) {
			Property m = Cells.property(l.getMaterial(), id);
			if (m != null && m.getValue() != null) return QuantityInput.format(m.getValue()) + "  (from material " + l.getMaterial().getName() + ")";
		}
		PropertyCatalog.Entry e = PropertyCatalog.find(owner instanceof Cell ? PropertyCatalog.Owner.CELL : PropertyCatalog.Owner.LAYER, id).orElse(null);
		java.util.regex.Matcher d = e == null ? null : DEFAULT.matcher(e.description());
		if (d != null && d.find()) {
			String v = d.group(1).trim();
			return Character.isDigit(v.charAt(0)) ? v + "  (default)" : "(default: " + v + ")";
		}
		return NOT_SET;
	}

	/**
	 * A property with no value here, none inherited or from the material and no default in the catalogue (a cell's
	 * density, heat-capacity, cooling-area: the thermal model has none): marked like the others, never a blank row.
	 */
	public static final String NOT_SET = "(not set)";

	private static final Pattern DEFAULT = Pattern.compile("default:? ([^;)]+)");

	private String materialLabel(Material m) {
		if (m == null) return "";
		for (String label : editing.materialLabels()) if (editing.material(label) == m) return label;
		return m.eIsProxy() ? "?" : m.getName();
	}

	@Override
	public boolean isPropertySet(Object id) {
		return false;
	}

	@Override
	public void resetPropertyValue(Object id) {}

	@Override
	public void setPropertyValue(Object id, Object value) {
		if (!canEdit()) return;
		Command c = command((String) id, value);
		if (c != null) editing.execute(c);
	}

	/** The command that sets the property to the value as typed, or null if the value is refused or unchanged. */
	public Command command(String id, Object value) {
		var domain = editing.domain();
		if (owner instanceof Layer l && NAME.equals(id)) {
			String name = String.valueOf(value).trim();
			// the language's one layer rename, as the diagram's: 'after', 'remove' and replacing layers of cells
			// extending the layer's cell follow (before, only the declaration changed: 'after wcc' then named no layer)
			return checkName(name) != null || name.equals(l.getName()) ? null
					: Cells.renameLayer(l, name, (o, f, v, i) -> SetCommand.create(domain, o, f, v, i));
		}
		if (owner instanceof Layer l && MATERIAL.equals(id)) {
			List<String> labels = editing.materialLabels();
			String label = value instanceof Integer i ? (i >= 0 && i < labels.size() ? labels.get(i) : null) : String.valueOf(value);
			Material m = label == null ? null : editing.material(label);
			return m == null || m == l.getMaterial() ? null : SetCommand.create(domain, l, CellwrightPackage.Literals.LAYER__MATERIAL, m);
		}
		PropertyCatalog.Entry entry = THICKNESS.equals(id) ? QuantityInput.THICKNESS
				: PropertyCatalog.find(PropertyCatalog.ownerOf(owner), id).orElse(null);
		if (entry == null) return null;
		String text = withoutMarker(value);
		QuantityInput.Result r = QuantityInput.parse(text, entry);
		if (!r.ok()) return null;
		Quantity q = r.quantity();
		if (owner instanceof Layer l && THICKNESS.equals(id)) {
			if (q == null && l.getProperties().stream().noneMatch(p -> "areal-loading".equals(p.getName()))) return null;
			if (same(q, l.getThickness())) return null;
			return SetCommand.create(domain, l, CellwrightPackage.Literals.LAYER__THICKNESS, q == null ? SetCommand.UNSET_VALUE : q);
		}
		Property own = null;
		for (Property p : owner.getProperties()) if (id.equals(p.getName())) own = p;
		if (q == null)
			return own == null ? null : RemoveCommand.create(domain, owner, CellwrightPackage.Literals.PROPERTY_OWNER__PROPERTIES, own);
		if (own != null)
			return same(q, own.getValue()) ? null : SetCommand.create(domain, own, CellwrightPackage.Literals.PROPERTY__VALUE, q);
		Property p = CellwrightFactory.eINSTANCE.createProperty();
		p.setName(id);
		p.setValue(q);
		return AddCommand.create(domain, owner, CellwrightPackage.Literals.PROPERTY_OWNER__PROPERTIES, p);
	}

	private static boolean same(Quantity a, Quantity b) {
		if (a == null || b == null) return a == b;
		return a.getValue() == b.getValue() && java.util.Objects.equals(a.getUnit(), b.getUnit());
	}
}
