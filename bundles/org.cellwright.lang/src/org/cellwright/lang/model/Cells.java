package org.cellwright.lang.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cellwright.lang.Limits;
import org.cellwright.model.CellwrightPackage.Literals;
import org.cellwright.model.Cell;
import org.cellwright.model.Composite;
import org.cellwright.model.Layer;
import org.cellwright.model.LayerPosition;
import org.cellwright.model.Material;
import org.cellwright.model.MaterialKind;
import org.cellwright.model.Property;
import org.cellwright.model.PropertyOwner;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.Resource;

/**
 * The effective content of a cell after 'extends': the base's layers and properties, with this cell's layers
 * replacing same-named ones in place (or inserted before/after an anchor, or appended), its properties overriding,
 * and its 'remove' entries (layer or property names) taken out. Use these, not {@link Cell#getLayers()}, to read a
 * cell that may extend another.
 */
public final class Cells {

	private Cells() {
	}

	/**
	 * The base chain from the root ancestor to {@code cell} itself; stops at a cycle or an unresolved base, and after
	 * {@link Limits#MAX_CHAIN_LENGTH} bases (a longer chain is a validation error).
	 */
	public static List<Cell> lineage(Cell cell) {
		List<Cell> chain = new ArrayList<>();
		Set<Cell> seen = new HashSet<>();
		for (Cell c = cell; c != null && !c.eIsProxy() && chain.size() <= Limits.MAX_CHAIN_LENGTH && seen.add(c); c = c.getBase())
			chain.add(c);
		Collections.reverse(chain);
		return chain;
	}

	/** True if following 'extends' from this cell comes back to a cell already passed. */
	public static boolean hasCyclicBase(Cell cell) {
		return extendsLinks(cell, new HashMap<>()) < 0;
	}

	/**
	 * The number of 'extends' links from this cell to its root ancestor (0 for a cell that extends none), or -1 if
	 * following them comes back to a cell already passed. {@code memo} keeps the answers for other cells of the same
	 * chains, so that the links of all cells of a file are counted in linear time.
	 */
	public static int extendsLinks(Cell cell, Map<Cell, Integer> memo) {
		List<Cell> path = new ArrayList<>();
		Set<Cell> onPath = new HashSet<>();
		int known = 0;
		boolean cyclic = false;
		for (Cell c = cell; ; c = c.getBase()) {
			if (c == null || c.eIsProxy()) {
				known = path.isEmpty() ? 0 : -1; // -1: the last cell of the path has no (resolved) base
				break;
			}
			Integer m = memo.get(c);
			if (m != null) {
				known = m;
				cyclic = m < 0;
				break;
			}
			if (!onPath.add(c)) {
				cyclic = true;
				break;
			}
			path.add(c);
		}
		// known: links of the cell after the path (-1 for none); assign backwards
		int links = known;
		for (int i = path.size() - 1; i >= 0; i--) {
			links = cyclic ? -1 : links + 1;
			memo.put(path.get(i), links);
		}
		return path.isEmpty() ? known : memo.get(cell);
	}

	/** The ordered stack, from one current collector to the other. */
	public static List<Layer> effectiveLayers(Cell cell) {
		List<Layer> stack = new ArrayList<>();
		for (Cell c : lineage(cell)) {
			for (String r : c.getRemovals())
				stack.removeIf(l -> r.equals(l.getName()));
			for (Layer l : c.getLayers()) {
				int same = indexOf(stack, l.getName());
				if (l.getPosition() != LayerPosition.DEFAULT && l.getAnchor() != null) {
					if (same >= 0)
						stack.remove(same);
					int a = indexOf(stack, l.getAnchor());
					if (a < 0)
						stack.add(l);
					else
						stack.add(l.getPosition() == LayerPosition.BEFORE ? a : a + 1, l);
				} else if (same >= 0) {
					stack.set(same, l);
				} else {
					stack.add(l);
				}
			}
		}
		return stack;
	}

	/**
	 * Where the name of {@code layer} is written in {@code cells} (a file's) besides its own declaration, by name, not
	 * as a reference: the layers placed 'before'/'after' it (in its cell and in the cells extending it) and, in the
	 * cells extending its cell, the 'remove' entries naming it and the layers of its name that replace it. A rename of
	 * the layer must change them too and a delete leaves them wrong (an unknown anchor or removal, or a replacement
	 * becoming a new layer at the end of the stack).
	 */
	public record LayerNameUses(List<Layer> anchored, List<Cell> removing, List<Layer> replacing) {
		public boolean isEmpty() {
			return anchored.isEmpty() && removing.isEmpty() && replacing.isEmpty();
		}

		/** The objects naming the layer, in the order of {@link #describe}: the layers placed by it, the cells removing it, the layers replacing it. */
		public List<EObject> users() {
			List<EObject> all = new ArrayList<>(anchored);
			all.addAll(removing);
			all.addAll(replacing);
			return all;
		}

		/** Each use as the user reads it: "cell Thin: after wcc", "cell NoFoil: remove foil", "cell Thin: a layer separator replacing it". */
		public List<String> describe(String name) {
			List<String> how = new ArrayList<>();
			for (Layer x : anchored) how.add("cell " + ((Cell) x.eContainer()).getName() + ": " + x.getPosition().getLiteral() + " " + name);
			for (Cell c : removing) how.add("cell " + c.getName() + ": remove " + name);
			for (Layer x : replacing) how.add("cell " + ((Cell) x.eContainer()).getName() + ": a layer " + name + " replacing it");
			return how;
		}
	}

	/** Where {@code cells} write the layer's name (a rename changes them all): {@link #usesOfName} from its own cell. */
	public static LayerNameUses layerNameUses(Layer layer, Iterable<? extends Object> cells) {
		return usesOfName(layer, layer.eContainer() instanceof Cell own ? own : null, cells);
	}

	/**
	 * What the layer's leaving the stack of {@code losing} and of the cells extending it leaves naming nothing: its own
	 * cell (the layer deleted), or a cell inheriting it that would remove it ('remove foil', the Stack view's Delete of
	 * an inherited layer): the layers of {@code losing} placed 'before'/'after' it and, in the cells extending
	 * {@code losing} (directly or through a chain), its anchors, removals and replacements. None if the layer is
	 * {@code losing}'s own and replaces an inherited layer of its name ({@link #replacesInherited}: that one comes back
	 * and those names find it). The one rule of the diagram's and the Stack view's Delete.
	 */
	public static LayerNameUses layerNameUses(Layer layer, Cell losing, Iterable<? extends Object> cells) {
		if (losing != null && layer.eContainer() == losing && replacesInherited(layer))
			return new LayerNameUses(List.of(), List.of(), List.of());
		return usesOfName(layer, losing, cells);
	}

	/**
	 * True if the layer replaces a layer of its name that its cell inherits ({@code DiagramEditsTest}'s Thin: 'layer
	 * separator' replacing Base's): without it, the cell's stack still has a layer of that name (the inherited one).
	 * False where the cell removes the name before replacing it, or its 'extends' chain is cyclic.
	 */
	public static boolean replacesInherited(Layer layer) {
		if (!(layer.eContainer() instanceof Cell own) || own.getBase() == null || layer.getName() == null
				|| own.getRemovals().contains(layer.getName()) || hasCyclicBase(own))
			return false;
		return indexOf(effectiveLayers(own.getBase()), layer.getName()) >= 0;
	}

	/**
	 * Where the layer's name is written in {@code cells} (a file's) for a layer leaving the stack of {@code losing}: the
	 * layers of {@code losing} placed 'before'/'after' it and, in the cells extending {@code losing}, its anchors,
	 * removals and replacements ({@link LayerNameUses}).
	 */
	private static LayerNameUses usesOfName(Layer layer, Cell losing, Iterable<? extends Object> cells) {
		List<Layer> anchored = new ArrayList<>();
		List<Cell> removing = new ArrayList<>();
		List<Layer> replacing = new ArrayList<>();
		String name = layer.getName();
		if (name == null || losing == null || !(layer.eContainer() instanceof Cell own) || !lineage(losing).contains(own))
			return new LayerNameUses(anchored, removing, replacing);
		for (Object o : cells) {
			if (!(o instanceof Cell c) || !lineage(c).contains(losing))
				continue;
			boolean extending = c != losing;
			if (extending && c.getRemovals().contains(name))
				removing.add(c);
			for (Layer l : c.getLayers()) {
				if (l == layer)
					continue;
				if (l.getPosition() != LayerPosition.DEFAULT && name.equals(l.getAnchor()))
					anchored.add(l);
				if (extending && name.equals(l.getName()))
					replacing.add(l);
			}
		}
		return new LayerNameUses(anchored, removing, replacing);
	}

	/**
	 * Makes one EMF.Edit set command (SetCommand.create in the diagram and the editors; this bundle has no EMF.Edit):
	 * {@code index} is {@link #NO_INDEX} for a single-valued feature, else the list element's index.
	 */
	@FunctionalInterface
	public interface Setter {
		Command set(EObject owner, EStructuralFeature feature, Object value, int index);
	}

	/** The index given to a {@link Setter} for a single-valued feature (EMF.Edit's CommandParameter.NO_INDEX). */
	public static final int NO_INDEX = -1;

	/**
	 * Why the layer cannot take the name, or null if it can: the name is taken in its cell's stack (an inherited
	 * layer's too). The name's syntax is the caller's. Cells of other files naming the layer do not refuse it: the IDE's
	 * editing session renames them too ({@link LayerRename}); a session that writes one file only refuses them
	 * ({@link #layerRenameRefusalInOtherFiles}).
	 */
	public static String layerRenameRefusal(Layer layer, String name) {
		if (!(layer.eContainer() instanceof Cell cell) || name.equals(layer.getName())) return null;
		for (Layer other : effectiveLayers(cell))
			if (other != layer && name.equals(other.getName()))
				return "The name " + name + " is taken: cell " + cell.getName() + " has a layer " + name
						+ (other.eContainer() == cell ? "." : " (from " + ((Cell) other.eContainer()).getName() + ").");
		if (cell.getLayers().stream().anyMatch(x -> x != layer && name.equals(x.getName()))) return "The name " + name + " is taken.";
		return null;
	}

	/**
	 * Why a session that writes the layer's text only (not the IDE's, nor the diagram page's session on a file, which
	 * rename in the other files too) cannot rename the layer: cells
	 * of other files extending its cell name it ({@link #layerNameUsesInOtherFiles}) and would keep naming a layer that
	 * is gone; null if none does.
	 */
	public static String layerRenameRefusalInOtherFiles(Layer layer) {
		List<String> elsewhere = layerNameUsesInOtherFiles(layer);
		if (elsewhere.isEmpty() || !(layer.eContainer() instanceof Cell cell)) return null;
		return "Layer " + layer.getName() + " of cell " + cell.getName() + " is named in other files, by cells extending it: "
				+ String.join("; ", elsewhere) + ". A rename here changes this file only and would leave them naming a"
				+ " layer that is gone: rename it in the IDE (it changes those files too) or in the texts.";
	}

	/**
	 * The command of a layer rename: its set commands change the layer's file; {@link #layer()}, {@link #from()} and
	 * {@link #to()} let a session that writes several files rename it where cells of other files name it too
	 * ({@link #renameLayerUses}).
	 */
	public static final class LayerRename extends CompoundCommand {
		private final Layer layer;
		private final String from, to;

		LayerRename(Layer layer, String to) {
			super("Rename layer");
			this.layer = layer;
			this.from = layer.getName();
			this.to = to;
		}

		public Layer layer() { return layer; }

		/** The layer's name before the rename. */
		public String from() { return from; }

		public String to() { return to; }

		private volatile String answered;

		/**
		 * The question about the other files the user answered yes to before the rename was made (the diagram page asks
		 * in the browser, then sends the rename again), or null: a session renaming in other files then does not ask
		 * again, unless its question is another (the files changed since).
		 */
		public String answered() { return answered; }

		public LayerRename answered(String question) {
			answered = question;
			return this;
		}

		/** The layer rename a command is or wraps (a {@link org.eclipse.emf.common.command.CommandWrapper}), or null. */
		public static LayerRename in(Command c) {
			for (Command x = c; x != null; x = x instanceof org.eclipse.emf.common.command.CommandWrapper w ? w.getCommand() : null)
				if (x instanceof LayerRename r) return r;
			return null;
		}
	}

	/**
	 * The one rename of a layer (the diagram's label edit and the Properties view's name field): the layer, and where
	 * its name is written as text in the cells of its file ({@link #layerNameUses}: 'after', 'remove', a replacing
	 * layer), so every cell's stack stays as it was. Null if the name is unchanged; refused with
	 * {@link #layerRenameRefusal}'s reason (an IllegalArgumentException). Cells of other files naming the layer are the
	 * executing session's ({@link LayerRename}).
	 */
	public static LayerRename renameLayer(Layer layer, String name, Setter set) {
		if (name.equals(layer.getName())) return null;
		String refusal = layerRenameRefusal(layer, name);
		if (refusal != null) throw new IllegalArgumentException(refusal);
		LayerRename all = new LayerRename(layer, name);
		all.append(set.set(layer, Literals.LAYER__NAME, name, NO_INDEX));
		for (Command c : renameLayerUses(layer, name, cellsOf(layer.eResource()), set)) all.append(c);
		return all;
	}

	/**
	 * The set commands that write the layer's new name where {@code cells} (of any file read with the layer's) name it
	 * ({@link #layerNameUses}), the layer's own declaration excepted: its replacing layers, anchors and removals.
	 */
	public static List<Command> renameLayerUses(Layer layer, String name, Iterable<? extends Object> cells, Setter set) {
		LayerNameUses uses = layerNameUses(layer, cells);
		List<Command> out = new ArrayList<>();
		for (Layer x : uses.replacing()) out.add(set.set(x, Literals.LAYER__NAME, name, NO_INDEX));
		for (Layer x : uses.anchored()) out.add(set.set(x, Literals.LAYER__ANCHOR, name, NO_INDEX));
		for (Cell c : uses.removing())
			out.add(set.set(c, Literals.CELL__REMOVALS, name, c.getRemovals().indexOf(layer.getName())));
		return out;
	}

	/**
	 * Where cells of the other files read with the layer's (its resource set: the .cell files of its folder) name the
	 * layer ({@link #layerNameUses}), one entry per use with its file and line ({@link #layerNameUsesAt}): "thin.cell:7:
	 * cell Thin: after wcc", as the IDE's search of the workspace names those of other folders. Empty if none does.
	 */
	public static List<String> layerNameUsesInOtherFiles(Layer layer) {
		return usesInOtherFiles(layer, cells -> layerNameUses(layer, cells));
	}

	/**
	 * {@link #layerNameUsesInOtherFiles} for the layer's delete from its cell ({@link #layerNameUses(Layer, Cell,
	 * Iterable)}): none where it replaces an inherited layer of its name. Before session 27 a file was named without
	 * the line, "thin.cell (cell Thin: after wcc)", beside the IDE's "a/thin.cell:7: cell Thin: after wcc" for a file of
	 * another folder in the same refusal's kind.
	 */
	public static List<String> layerDeleteUsesInOtherFiles(Layer layer) {
		Cell own = layer.eContainer() instanceof Cell c ? c : null;
		return usesInOtherFiles(layer, cells -> layerNameUses(layer, own, cells));
	}

	private static List<String> usesInOtherFiles(Layer layer, java.util.function.Function<List<Object>, LayerNameUses> usesIn) {
		List<String> out = new ArrayList<>();
		Resource own = layer.eResource();
		if (own == null || own.getResourceSet() == null || layer.getName() == null) return out;
		for (Resource r : List.copyOf(own.getResourceSet().getResources())) {
			if (r == own) continue;
			out.addAll(layerNameUsesAt(fileName(r), layer.getName(), usesIn.apply(cellsOf(r))));
		}
		return out;
	}

	/** A file as the refusals name it: its workspace path ("a/thin.cell") for a workspace resource, else its name. */
	private static String fileName(Resource r) {
		if (r.getURI() == null) return "another file";
		if (r.getURI().isPlatformResource()) return r.getURI().toPlatformString(true).substring(1);
		return r.getURI().lastSegment();
	}

	/**
	 * The uses of the layer's name {@code layer} by cells of the file named {@code file} ({@link #layerNameUses}), each
	 * with its line: "file:line: cell Cell1: after wcc". The one format of the refusals of a layer's delete (the Stack
	 * view's, the diagram's, the IDE's search of the workspace).
	 */
	public static List<String> layerNameUsesAt(String file, String layer, LayerNameUses uses) {
		List<EObject> users = uses.users();
		List<String> how = uses.describe(layer);
		List<String> out = new ArrayList<>();
		for (int i = 0; i < users.size(); i++) out.add(file + ":" + line(users.get(i), layer) + ": " + how.get(i));
		return out;
	}

	/** The line of the text where the object names the layer (a cell's 'remove' of it; a layer's own line); 0 unknown. */
	private static int line(EObject user, String layer) {
		if (user instanceof Cell c)
			for (org.eclipse.xtext.nodemodel.INode n : org.eclipse.xtext.nodemodel.util.NodeModelUtils.findNodesForFeature(c, Literals.CELL__REMOVALS))
				if (layer.equals(org.eclipse.xtext.nodemodel.util.NodeModelUtils.getTokenText(n))) return n.getStartLine();
		org.eclipse.xtext.nodemodel.INode n = org.eclipse.xtext.nodemodel.util.NodeModelUtils.getNode(user);
		return n == null ? 0 : n.getStartLine();
	}

	/** The cells of a resource's model (none if it holds no model). */
	public static List<Object> cellsOf(Resource r) {
		if (r == null || r.getContents().isEmpty() || !(r.getContents().get(0) instanceof org.cellwright.model.Model m)) return List.of();
		return new ArrayList<>(m.getElements());
	}

	/** The cell properties by name, base first, overridden and removed as written. */
	public static Map<String, Property> effectiveProperties(Cell cell) {
		Map<String, Property> props = new LinkedHashMap<>();
		for (Cell c : lineage(cell)) {
			for (String r : c.getRemovals())
				props.remove(r);
			for (Property p : c.getProperties())
				props.put(p.getName(), p);
		}
		return props;
	}

	/** The cell models a cell may name ({@code model single-particle}); without one the stack implies the model. */
	public static final java.util.List<String> MODELS = java.util.List.of("dfn", "single-particle");

	/** The cell model the cell or its nearest base names ({@code model single-particle}), or null. */
	public static String model(Cell cell) {
		String m = null;
		for (Cell c : lineage(cell))
			if (c.getModel() != null)
				m = c.getModel();
		return m;
	}

	/** Whether the cell is a single-particle-model cell ({@code model single-particle}: no electrolyte or separator). */
	public static boolean isSingleParticle(Cell cell) {
		return "single-particle".equals(model(cell));
	}

	/** Whether a layer of the cell (with its bases) holds a liquid electrolyte, as its material or a composite's component. */
	public static boolean hasLiquidElectrolyte(Cell cell) {
		for (Layer l : effectiveLayers(cell))
			for (Material m : Composites.materialsWithin(l.getMaterial()))
				if (!(m instanceof Composite) && m.isSetKind() && m.getKind() == MaterialKind.LIQUID_ELECTROLYTE)
					return true;
		return false;
	}

	/**
	 * Whether the cell runs on the DFN solver (docs/dfn.md): a single-particle cell or a cell with a liquid electrolyte;
	 * every other cell runs on the solid-state solver.
	 */
	public static boolean runsOnDfnSolver(Cell cell) {
		return isSingleParticle(cell) || hasLiquidElectrolyte(cell);
	}

	/** The cell's optional mechanisms switched off ('without thermal'), its bases' included. */
	public static Set<String> switchedOff(Cell cell) {
		Set<String> off = new java.util.LinkedHashSet<>();
		for (Cell c : lineage(cell))
			off.addAll(c.getSwitchedOff());
		return off;
	}

	/** The property of that name of any owner, or null. */
	public static Property property(PropertyOwner owner, String name) {
		if (owner instanceof Cell c)
			return effectiveProperties(c).get(name);
		for (Property p : owner.getProperties())
			if (name.equals(p.getName()))
				return p;
		return null;
	}

	static int indexOf(List<Layer> stack, String name) {
		for (int i = 0; i < stack.size(); i++)
			if (stack.get(i).getName() != null && stack.get(i).getName().equals(name))
				return i;
		return -1;
	}
}
