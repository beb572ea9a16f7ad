package org.cellwright.diagram;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.cellwright.lang.model.Cells;
import org.cellwright.model.Cell;
import org.cellwright.model.CellwrightFactory;
import org.cellwright.model.CellwrightPackage.Literals;
import org.cellwright.model.Component;
import org.cellwright.model.Composite;
import org.cellwright.model.Element;
import org.cellwright.model.Experiment;
import org.cellwright.model.Layer;
import org.cellwright.model.Material;
import org.cellwright.model.Model;
import org.cellwright.model.Protocol;
import org.cellwright.model.Quantity;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.RemoveCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.glsp.graph.GModelElement;
import org.eclipse.glsp.server.actions.TriggerEdgeCreationAction;
import org.eclipse.glsp.server.actions.TriggerElementCreationAction;
import org.eclipse.glsp.server.actions.TriggerNodeCreationAction;
import org.eclipse.glsp.server.features.directediting.ApplyLabelEditOperation;
import org.eclipse.glsp.server.features.directediting.LabelEditValidator;
import org.eclipse.glsp.server.features.directediting.ValidationStatus;
import org.eclipse.glsp.server.features.toolpalette.PaletteItem;
import org.eclipse.glsp.server.features.toolpalette.ToolPaletteItemProvider;
import org.eclipse.glsp.server.model.GModelState;
import org.eclipse.glsp.server.operations.BasicOperationHandler;
import org.eclipse.glsp.server.operations.CreateEdgeOperation;
import org.eclipse.glsp.server.operations.CreateNodeOperation;
import org.eclipse.glsp.server.operations.CreateOperationHandler;
import org.eclipse.glsp.server.operations.DeleteOperation;
import org.eclipse.glsp.server.types.GLSPServerException;

import com.google.inject.Inject;

/**
 * The diagram's edits as EMF commands on the file's model (executed, undone and redone by the {@link DiagramSession},
 * which writes the text back): new material, layer, cell and experiment from the palette; a layer's material and a
 * composite's component by drawing an edge; rename by editing a name label; delete. An edit the model cannot take is
 * refused with a message naming the reason (the client shows it), never half done.
 */
public final class CellOperations {

	private CellOperations() {}

	/** Element types of the palette's node tools. */
	public static final String MATERIAL = CellGraphs.nodeType("material"), LAYER = CellGraphs.nodeType("layer"),
			CELL = CellGraphs.nodeType("cell"), EXPERIMENT = CellGraphs.nodeType("experiment");

	private static final String NAME = "[A-Za-z_][A-Za-z0-9_]*";

	/**
	 * Makes an edit's command from the file's model under the session's guard ({@link DiagramSession#read}: in the IDE the
	 * views and the validation read the same model on other threads).
	 */
	static <T> T read(GModelState state, java.util.function.Function<Model, T> reader) {
		return ((CellModelState) state).session().read(m -> {
			if (m == null) throw new GLSPServerException("The file cannot be read: fix the text first.");
			return reader.apply(m);
		});
	}

	static EditingDomain domain(GModelState state) {
		return ((CellModelState) state).session().domain();
	}

	/** base1, base2, ...: the first name no element of the file (or layer of the cell) has. */
	static String freshName(Iterable<String> taken, String base) {
		Set<String> names = new HashSet<>();
		for (String t : taken) names.add(t);
		for (int i = 1;; i++) if (!names.contains(base + i)) return base + i;
	}

	static List<String> elementNames(Model m) {
		List<String> out = new ArrayList<>();
		for (Element e : m.getElements()) out.add(e.getName());
		return out;
	}

	/** Index after the last element of the same kind (new elements sit beside their kind in the text), else the end. */
	static int placeFor(Model m, Class<?> kind) {
		int at = m.getElements().size();
		for (int i = 0; i < m.getElements().size(); i++) if (kind.isInstance(m.getElements().get(i))) at = i + 1;
		return at;
	}

	static <T> T last(Model m, Class<T> kind) {
		T found = null;
		for (Element e : m.getElements()) if (kind.isInstance(e)) found = kind.cast(e);
		return found;
	}

	static <T> T first(Model m, Class<T> kind) {
		for (Element e : m.getElements()) if (kind.isInstance(e) && !(kind == Material.class && e instanceof Composite)) return kind.cast(e);
		return null;
	}

	// ------------------------------------------------------------------ palette

	/** The palette: node tools (material, layer, cell, experiment) and edge tools (layer's material, composite's component). */
	public static class Palette implements ToolPaletteItemProvider {
		@Override
		public List<PaletteItem> getItems(java.util.Map<String, String> args) {
			List<PaletteItem> nodes = List.of(
					item("cw-new-material", "Material", new TriggerNodeCreationAction(MATERIAL), "A"),
					item("cw-new-layer", "Layer", new TriggerNodeCreationAction(LAYER), "B"),
					item("cw-new-cell", "Cell", new TriggerNodeCreationAction(CELL), "C"),
					item("cw-new-experiment", "Experiment", new TriggerNodeCreationAction(EXPERIMENT), "D"));
			List<PaletteItem> edges = List.of(
					item("cw-connect-material", "Layer material", new TriggerEdgeCreationAction(CellGraphs.EDGE_MATERIAL), "A"),
					item("cw-add-component", "Composite component", new TriggerEdgeCreationAction(CellGraphs.EDGE_COMPONENT), "B"));
			return List.of(PaletteItem.createPaletteGroup("cw-elements", "Elements", nodes, "symbol-property", "A"),
					PaletteItem.createPaletteGroup("cw-references", "References", edges, "symbol-property", "B"));
		}

		private static PaletteItem item(String id, String label, TriggerElementCreationAction action, String sort) {
			return new PaletteItem(id, label, action, null, sort);
		}
	}

	// ------------------------------------------------------------------ new elements

	/** A new material, layer, cell or experiment (from the palette). */
	public static class CreateElement extends BasicOperationHandler<CreateNodeOperation> implements CreateOperationHandler<CreateNodeOperation> {
		@Inject
		protected GModelState state;

		@Override
		public List<String> getHandledElementTypeIds() { return List.of(MATERIAL, LAYER, CELL, EXPERIMENT); }

		@Override
		public String getLabel() { return "New element"; }

		@Override
		public Optional<Command> createCommand(CreateNodeOperation op) {
			return read(state, m -> Optional.of(create(m, domain(state), op.getElementTypeId(), op.getContainerId())));
		}
	}

	/**
	 * The command of a palette's node tool: a new material, cell or experiment beside its kind in the text, or a new
	 * layer in the cell it was dropped on ({@code containerId}: a cell's or a layer's node, else the file's first
	 * cell). A layer's name is fresh among the cell's layers, inherited ones too (a name of the base's would replace
	 * that layer); its material is the file's first, else that of the cell's last layer (a file whose materials all
	 * come from the library or an import). An experiment runs the file's first cell and protocol, else those of the
	 * file's last experiment (a file that imports them). Refused with the reason when the file lacks what it needs.
	 */
	public static Command create(Model m, EditingDomain d, String type, String containerId) {
		CellwrightFactory f = CellwrightFactory.eINSTANCE;
		if (MATERIAL.equals(type)) {
			Material mat = f.createMaterial();
			mat.setName(freshName(elementNames(m), "material"));
			return AddCommand.create(d, m, Literals.MODEL__ELEMENTS, mat, placeFor(m, Material.class));
		}
		if (CELL.equals(type)) {
			Cell c = f.createCell();
			c.setName(freshName(elementNames(m), "cell"));
			return AddCommand.create(d, m, Literals.MODEL__ELEMENTS, c, placeFor(m, Cell.class));
		}
		if (LAYER.equals(type)) {
			Cell cell = targetCell(m, containerId);
			if (cell == null) throw new GLSPServerException("A layer belongs to a cell: the file has no cell yet (add one first).");
			List<Layer> stack = Cells.effectiveLayers(cell);
			Material mat = first(m, Material.class);
			if (mat == null && !stack.isEmpty()) mat = stack.get(stack.size() - 1).getMaterial();
			if (mat == null) throw new GLSPServerException("A layer needs a material: the file has no material yet (add one first).");
			Layer l = f.createLayer();
			List<String> taken = new ArrayList<>(cell.getLayers().stream().map(Layer::getName).toList());
			taken.addAll(stack.stream().map(Layer::getName).toList());
			l.setName(freshName(taken, "layer"));
			l.setMaterial(mat);
			return AddCommand.create(d, cell, Literals.CELL__LAYERS, l);
		}
		if (EXPERIMENT.equals(type)) {
			Experiment last = last(m, Experiment.class);
			Cell cell = first(m, Cell.class);
			if (cell == null && last != null) cell = last.getCell();
			Protocol p = first(m, Protocol.class);
			if (p == null && last != null && !last.getProtocols().isEmpty()) p = last.getProtocols().get(0);
			if (cell == null || p == null)
				throw new GLSPServerException("An experiment runs a protocol on a cell: the file needs a cell and a protocol first.");
			Experiment x = f.createExperiment();
			x.setName(freshName(elementNames(m), "experiment"));
			x.setCell(cell);
			x.getProtocols().add(p);
			return AddCommand.create(d, m, Literals.MODEL__ELEMENTS, x, placeFor(m, Experiment.class));
		}
		throw new GLSPServerException("Unknown element type " + type);
	}

	/** The cell the layer was dropped on (or the cell of the layer dropped on), else the file's first cell. */
	private static Cell targetCell(Model m, String containerId) {
		EObject at = CellGraphs.element(m, containerId);
		if (at instanceof Cell c) return c;
		if (at instanceof Layer l) return (Cell) l.eContainer();
		return first(m, Cell.class);
	}

	// ------------------------------------------------------------------ references drawn as edges

	/** Layer -> material sets the layer's material; composite -> material adds a component of it. */
	public static class CreateReference extends BasicOperationHandler<CreateEdgeOperation> implements CreateOperationHandler<CreateEdgeOperation> {
		@Inject
		protected GModelState state;

		@Override
		public List<String> getHandledElementTypeIds() { return List.of(CellGraphs.EDGE_MATERIAL, CellGraphs.EDGE_COMPONENT); }

		@Override
		public String getLabel() { return "Reference"; }

		@Override
		public Optional<Command> createCommand(CreateEdgeOperation op) {
			return read(state, m -> command(m, op));
		}

		private Optional<Command> command(Model m, CreateEdgeOperation op) {
			EditingDomain d = domain(state);
			EObject source = CellGraphs.element(m, op.getSourceElementId());
			EObject target = CellGraphs.anyElement(m, op.getTargetElementId());
			if (!(target instanceof Material mat))
				throw new GLSPServerException("Draw the reference to a material.");
			if (CellGraphs.EDGE_MATERIAL.equals(op.getElementTypeId())) {
				if (source instanceof Layer l) return Optional.of(SetCommand.create(d, l, Literals.LAYER__MATERIAL, mat));
				if (source instanceof Component c) return Optional.of(SetCommand.create(d, c, Literals.COMPONENT__MATERIAL, mat));
				throw new GLSPServerException("Only a layer (or a component) of this file has a material to set.");
			}
			if (!(source instanceof Composite comp)) throw new GLSPServerException("Components belong to a composite of this file.");
			if (mat == comp) throw new GLSPServerException("A composite cannot be its own component.");
			Component c = CellwrightFactory.eINSTANCE.createComponent();
			c.setMaterial(mat);
			Quantity fraction = CellwrightFactory.eINSTANCE.createQuantity();
			fraction.setValue(0); // the user enters the fraction in the text or Properties; 0 until then
			c.setFraction(fraction);
			return Optional.of(AddCommand.create(d, comp, Literals.COMPOSITE__COMPONENTS, c));
		}
	}

	// ------------------------------------------------------------------ rename

	/** Editing a name label renames the element; references to it in the file follow (they are printed by name). */
	public static class Rename extends BasicOperationHandler<ApplyLabelEditOperation> {
		@Inject
		protected GModelState state;

		@Inject
		protected org.eclipse.glsp.server.actions.ActionDispatcher dispatcher;

		/**
		 * A layer rename that changes other files too is asked first: in the page when it asks the user
		 * ({@link RenameQuestion}: the question sent to the page, nothing changed until it answers yes), else by the
		 * session itself (the IDE's dialog).
		 */
		@Override
		public Optional<Command> createCommand(ApplyLabelEditOperation op) {
			Command c = command(state, op.getLabelId(), op.getText());
			DiagramSession session = ((CellModelState) state).session();
			boolean pageAsks = state.getProperty(RenameQuestion.PAGE_ASKS, Boolean.class).orElse(true) || !session.asksTheUser();
			if (c == null || !pageAsks || Cells.LayerRename.in(c) == null) return Optional.ofNullable(c);
			DiagramSession.Asked asked = session.ask(c);
			if (asked != null && asked.refusal() != null) throw new GLSPServerException(asked.refusal());
			if (asked == null || asked.question() == null) return Optional.of(c);
			// the page showed the typed name already: drawn again as the file has it until the user said yes
			dispatcher.dispatch(new TextChanged());
			dispatcher.dispatch(new RenameQuestion.Ask(asked.question(), op.getLabelId(), op.getText()));
			return doNothing();
		}

		/** The rename command of a name label's edit (null: nothing to rename). */
		static Command command(GModelState state, String labelId, String text) {
			if (labelId == null || !labelId.endsWith(CellGraphs.LABEL_SUFFIX)) return null;
			String nodeId = labelId.substring(0, labelId.length() - CellGraphs.LABEL_SUFFIX.length());
			java.nio.file.Path file = state.getProperty(CellSourceModelStorage.FILE, java.nio.file.Path.class).orElse(null);
			boolean follows = ((CellModelState) state).session().renamesOtherFiles();
			return read(state, m -> renameKeepingPlaces(m, domain(state), file, nodeId, text, follows));
		}
	}

	/**
	 * The check of a name label's edit while the user types (GLSP's label-edit validation, asked at each change of the
	 * text): the rename's own refusal ({@link Rename#command}: not a name, a name another element or a layer of the
	 * cell's stack has, a layer other files name where the session writes one file), as an error the page shows over
	 * the edit before Enter; OK otherwise. Nothing is changed: the command is made and dropped.
	 */
	public static class RenameCheck implements LabelEditValidator {
		@Inject
		protected GModelState state;

		@Override
		public ValidationStatus validate(String text, GModelElement label) {
			try {
				Rename.command(state, label.getId(), text);
				return ValidationStatus.ok();
			} catch (GLSPServerException refused) {
				return ValidationStatus.error(refused.getMessage());
			}
		}
	}

	/**
	 * {@link #rename}, carrying the places the user gave the renamed nodes (stored beside the file) to their new ids,
	 * and back on undo ({@link KeptPlaces}); null if the name is unchanged.
	 */
	public static Command renameKeepingPlaces(Model m, EditingDomain d, java.nio.file.Path file, String nodeId, String text) {
		return renameKeepingPlaces(m, d, file, nodeId, text, false);
	}

	/** {@link #renameKeepingPlaces}; {@code otherFiles}: the session renames a layer where other files name it too. */
	public static Command renameKeepingPlaces(Model m, EditingDomain d, java.nio.file.Path file, String nodeId, String text, boolean otherFiles) {
		Command rename = rename(m, d, nodeId, text, otherFiles);
		return rename == null || file == null ? rename : new KeptPlaces(rename, file, m);
	}

	/** {@link #rename} in a session that writes one file: a layer other files name is refused. */
	public static Command rename(Model m, EditingDomain d, String nodeId, String text) {
		return rename(m, d, nodeId, text, false);
	}

	/**
	 * The command that renames the element of the node id, or null if the name is unchanged. References follow (they
	 * are printed by name); a layer is renamed by the language's one layer rename ({@link Cells#renameLayer}, as the
	 * Properties view does): its name is also written as text in its cell and the cells extending it ('after wcc',
	 * 'remove wcc', a layer of that name replacing it), and those change with it, or the stacks of the extending cells
	 * would change. Where cells of other files name it, the session renames it there too ({@code otherFiles}: the
	 * IDE's, {@link DiagramSession#renamesOtherFiles}) or the rename is refused naming them (the page's session writes
	 * one file). A name already used (for a layer: in its cell's stack, inherited layers included) is refused.
	 */
	public static Command rename(Model m, EditingDomain d, String nodeId, String text, boolean otherFiles) {
		EObject e = CellGraphs.element(m, nodeId);
		if (e == null) throw new GLSPServerException("Only elements of this file can be renamed here.");
		String name = text == null ? "" : text.strip();
		if (!name.matches(NAME))
			throw new GLSPServerException(org.cellwright.lang.text.Printable.quoted(name)
					+ " is not a name: letters, digits and _, not starting with a digit.");
		if (e instanceof Layer l) {
			try {
				String elsewhere = otherFiles || name.equals(l.getName()) ? null : Cells.layerRenameRefusalInOtherFiles(l);
				if (elsewhere != null) throw new GLSPServerException(elsewhere);
				return Cells.renameLayer(l, name, (o, f, v, i) -> SetCommand.create(d, o, f, v, i));
			} catch (IllegalArgumentException refused) {
				throw new GLSPServerException(refused.getMessage());
			}
		}
		if (!(e instanceof Element el)) throw new GLSPServerException("A component has no name of its own.");
		if (name.equals(el.getName())) return null;
		if (m.getElements().stream().anyMatch(x -> x != el && name.equals(x.getName()))) throw new GLSPServerException("The name " + name + " is taken.");
		return SetCommand.create(d, el, Literals.ELEMENT__NAME, name);
	}

	// ------------------------------------------------------------------ delete

	/**
	 * Deletes elements, layers and components of the file. An element still referred to (a material of a layer, a cell
	 * of an experiment) is kept and the reason given: deleting it would leave the text with dangling names.
	 */
	public static class Delete extends BasicOperationHandler<DeleteOperation> {
		@Inject
		protected GModelState state;

		/**
		 * The delete, unless the session refuses it ({@link DiagramSession#ask}: the IDE's searches the cells of the
		 * workspace's other files for the deleted layers' names, as the Stack view's Delete does).
		 */
		@Override
		public Optional<Command> createCommand(DeleteOperation op) {
			Command c = read(state, m -> delete(m, domain(state), op.getElementIds()));
			DiagramSession.Asked asked = ((CellModelState) state).session().ask(c);
			if (asked != null && asked.refusal() != null) throw new GLSPServerException(asked.refusal());
			return Optional.of(c);
		}

		/**
		 * The command of a delete: {@link #layers()}, the layers it deletes, for a session that checks more files than
		 * those read with the model ({@link DiagramSession#ask}).
		 */
		public static final class Deletion extends CompoundCommand {
			private final List<Layer> layers;

			Deletion(List<Layer> layers) {
				super("Delete");
				this.layers = List.copyOf(layers);
			}

			public List<Layer> layers() {
				return layers;
			}
		}

		/**
		 * Why a layer is not deleted: cells of other files name it ({@code where}: each file and how it names it); the
		 * text of the refusal of {@link #delete} and of the IDE's session's search of the workspace.
		 */
		public static String namedInOtherFiles(Layer l, List<String> where) {
			return label(l) + " is named in other files: " + String.join("; ", where) + ": change those first.";
		}

		/**
		 * The command that deletes the elements, layers and components of the node ids (a containment edge's id: its
		 * target). Refused, naming the user, when something not deleted with them refers to one of them, also by name
		 * (a layer placed 'after' a deleted layer, a 'remove' of it or a layer replacing it in a cell extending its
		 * cell: {@link Cells#layerNameUses(Layer, Cell, Iterable)}; not where the layer replaces an inherited one of its
		 * name, which comes back).
		 */
		public static Command delete(Model m, EditingDomain d, List<String> ids) {
			List<EObject> doomed = new ArrayList<>();
			for (String id : ids) {
				EObject e = CellGraphs.element(m, id);
				if (e == null && id.startsWith("edge:contains:")) e = CellGraphs.element(m, id.substring(id.indexOf("->") + 2));
				if (e != null && !doomed.contains(e)) doomed.add(e);
			}
			if (doomed.isEmpty()) throw new GLSPServerException("Nothing to delete here: only elements, layers and components of this file (and their containment edges).");
			for (EObject e : doomed) {
				for (EObject user : users(m, e))
					if (!doomed.contains(user) && !EcoreUtil.isAncestor(doomed, user))
						throw new GLSPServerException(label(e) + " is used by " + label(user) + ": change or delete that first.");
				if (e instanceof Layer l) {
					List<String> elsewhere = Cells.layerDeleteUsesInOtherFiles(l);
					if (!elsewhere.isEmpty()) throw new GLSPServerException(namedInOtherFiles(l, elsewhere));
					Cells.LayerNameUses uses = Cells.layerNameUses(l, l.eContainer() instanceof Cell own ? own : null, m.getElements());
					List<EObject> byName = new ArrayList<>(uses.anchored());
					byName.addAll(uses.replacing());
					byName.addAll(uses.removing());
					for (EObject user : byName)
						if (!EcoreUtil.isAncestor(doomed, user))
							throw new GLSPServerException(label(e) + " is named by " + label(user) + " (" + howNamed(user, l)
									+ "): change or delete that first.");
				}
			}
			Deletion all = new Deletion(doomed.stream().filter(Layer.class::isInstance).map(Layer.class::cast).toList());
			for (EObject e : doomed) {
				if (EcoreUtil.isAncestor(doomed.stream().filter(x -> x != e).toList(), e)) continue;
				all.append(RemoveCommand.create(d, e.eContainer(), e.eContainmentFeature(), e));
			}
			return all;
		}

		private static String howNamed(EObject user, Layer l) {
			if (user instanceof Cell) return "remove " + l.getName();
			Layer x = (Layer) user;
			return l.getName().equals(x.getAnchor()) && x.getPosition() != org.cellwright.model.LayerPosition.DEFAULT
					? x.getPosition().getLiteral() + " " + l.getName() : "it replaces the layer in the stack";
		}

		/** Objects of the file that refer to e (or to an object inside e). */
		private static List<EObject> users(Model m, EObject e) {
			List<EObject> out = new ArrayList<>();
			for (var setting : EcoreUtil.UsageCrossReferencer.find(e, m.eResource())) {
				EObject user = setting.getEObject();
				if (!EcoreUtil.isAncestor(e, user)) out.add(owner(user));
			}
			return out;
		}

		private static EObject owner(EObject o) {
			for (EObject x = o; x != null; x = x.eContainer())
				if (x instanceof Layer || x instanceof Component || x instanceof Element) return x;
			return o;
		}

		private static String label(EObject e) {
			if (e instanceof Layer l) return "layer " + l.getName() + " of cell " + ((Cell) l.eContainer()).getName();
			if (e instanceof Component c) return "a component of " + ((Composite) c.eContainer()).getName();
			return CellGraphs.kind(e) + " " + (e instanceof Element el ? el.getName() : "");
		}
	}
}
