package org.cellwright.diagram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.cellwright.lang.text.BeyondTheText;
import org.cellwright.model.Component;
import org.cellwright.model.Element;
import org.cellwright.model.Layer;
import org.cellwright.model.Model;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CommandWrapper;
import org.eclipse.emf.ecore.EObject;

/**
 * An edit that carries the places the user gave to nodes (the layout sidecar, {@link LayoutSidecar}) with the nodes
 * whose ids it changes. Node ids are kind and name ({@link CellGraphs#id}), so a rename gives the node, and the nodes
 * of a renamed cell's layers or composite's components, new ids: without this a moved node went back to ELK's place
 * when renamed. The ids of the file's nodes are compared before and after the command; those that changed are
 * re-keyed in the sidecar, and re-keyed back by undo (the command's own, or the IDE's undo by text through
 * {@link BeyondTheText}) and forth again by redo.
 */
public final class KeptPlaces extends CommandWrapper implements BeyondTheText {

	private final Path file;
	private final Model model;
	/** Old id -> new id of the nodes the command renamed (empty until executed). */
	private Map<String, String> renamed = Map.of();

	public KeptPlaces(Command command, Path file, Model model) {
		super(command);
		this.file = file;
		this.model = model;
	}

	@Override
	public void execute() {
		Map<EObject, String> before = ids(model);
		super.execute();
		Map<EObject, String> after = ids(model);
		Map<String, String> changed = new LinkedHashMap<>();
		before.forEach((o, id) -> {
			String now = after.get(o);
			if (now != null && !now.equals(id)) changed.put(id, now);
		});
		renamed = changed;
		rekey(renamed);
	}

	@Override
	public void undo() {
		super.undo();
		undoBeyondTheText();
	}

	@Override
	public void redo() {
		super.redo();
		redoBeyondTheText();
	}

	@Override
	public void undoBeyondTheText() {
		Map<String, String> back = new LinkedHashMap<>();
		renamed.forEach((from, to) -> back.put(to, from));
		rekey(back);
	}

	@Override
	public void redoBeyondTheText() {
		rekey(renamed);
	}

	/** The old -> new node ids of the last execution (for tests). */
	public Map<String, String> renamed() {
		return renamed;
	}

	private void rekey(Map<String, String> ids) {
		if (ids.isEmpty()) return;
		try {
			LayoutSidecar.rekey(file, ids);
		} catch (IOException e) {
			throw new UncheckedIOException("Cannot keep the moved nodes' places in " + LayoutSidecar.of(file).getFileName(), e);
		}
	}

	/** The node id of every element, layer and component of the file. */
	private static Map<EObject, String> ids(Model m) {
		Map<EObject, String> out = new IdentityHashMap<>();
		if (m == null) return out;
		m.eAllContents().forEachRemaining(o -> {
			if (o instanceof Element || o instanceof Layer || o instanceof Component) out.put(o, CellGraphs.id(o));
		});
		return out;
	}
}
