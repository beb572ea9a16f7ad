package org.cellwright.editor.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.cellwright.editor.EditingSession;
import org.cellwright.editor.Materials;
import org.cellwright.model.Cell;
import org.cellwright.model.Material;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.edit.domain.EditingDomain;

/**
 * {@link ModelEditing} of a document's {@link EditingSession}: what the Properties view, the table editor and the
 * Outline need to edit an element without the Stack view (one command stack, one write-back per document).
 */
public class SessionEditing implements ModelEditing {

	private final EditingSession session;
	private final Cell cell;
	private Map<String, Material> materials;
	private final Consumer<String> refusals;

	/** cell: the cell whose layers are edited (it gives the materials a layer may refer to), or null. */
	public SessionEditing(EditingSession session, Cell cell, Consumer<String> refusals) {
		this.session = session;
		this.cell = cell;
		this.refusals = refusals;
	}

	/** The property source of a layer or cell of a session's model, or null. */
	public static ModelPropertySource propertySource(EObject o, Consumer<String> refusals) {
		EditingSession s = EditingSession.of(o);
		if (s == null) return null;
		if (o instanceof org.cellwright.model.Layer l && l.eContainer() instanceof Cell c) return new ModelPropertySource(l, true, new SessionEditing(s, c, refusals));
		if (o instanceof Cell c) return new ModelPropertySource(c, true, new SessionEditing(s, c, refusals));
		return null;
	}

	public EditingSession session() { return session; }

	@Override
	public EditingDomain domain() { return session.domain(); }

	@Override
	public boolean execute(Command command) {
		boolean done = session.execute(command);
		if (!done && session.refusal() != null) refused(session.refusal());
		return done;
	}

	@Override
	public boolean editable() { return session.editable(); }

	private Map<String, Material> materials() {
		if (materials == null) materials = session.readLocked(() -> Materials.visibleFrom(cell));
		return materials;
	}

	@Override
	public List<String> materialLabels() { return new ArrayList<>(materials().keySet()); }

	@Override
	public Material material(String label) { return materials().get(label); }

	@Override
	public void refused(String reason) {
		if (refusals != null) refusals.accept(reason);
	}
}
