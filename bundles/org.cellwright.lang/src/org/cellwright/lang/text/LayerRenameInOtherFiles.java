package org.cellwright.lang.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.cellwright.lang.model.Cells;
import org.cellwright.model.Cell;
import org.cellwright.model.Layer;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.SaveOptions;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.serializer.ISerializer;

/**
 * The other files' part of a layer rename ({@link Cells.LayerRename}): where cells of other files extending the layer's
 * cell name it ('after wcc', 'remove wcc', a layer replacing it), each such file's text after the rename, made as an
 * EMF edit of its model printed back into its text ({@link TextPatch}: comments and layout kept), with what the user is
 * asked before anything changes, or why the rename cannot follow into them. One owner for the IDE
 * (org.cellwright.editor's LayerRenameAcrossFiles: the workspace's files) and the diagram page outside the IDE
 * (org.cellwright.diagram's TextSession: the files of its folder).
 */
public final class LayerRenameInOtherFiles {

	/** One other file's change: its resource, its text before and after, where it names the layer ("cell Thin: after wcc"). */
	public record FileEdit(Resource resource, String before, String after, List<String> uses) {}

	/**
	 * The plan: the files' changes; {@code refusal}, why the rename cannot follow into them (nothing is to change then),
	 * or null; {@code question}, what the user is asked before the rename (null when no other file changes).
	 */
	public record Plan(List<FileEdit> edits, String refusal, String question) {
		public boolean isEmpty() {
			return edits.isEmpty();
		}
	}

	private LayerRenameInOtherFiles() {}

	/**
	 * The changes of the other files when {@code layer} is renamed {@code to}.
	 *
	 * @param layer the layer, in the resource set the other files were read into (before the rename)
	 * @param cells by other file, the cells that may name the layer (those not extending its cell are passed over)
	 * @param source each file's text as read (its model's text)
	 * @param unwritable why a file cannot be written now ("is read-only"), or null
	 * @param name a file's name as the user reads it
	 * @param set how a feature is set (the caller's editing domain)
	 */
	public static Plan plan(Layer layer, String to, Map<Resource, ? extends List<?>> cells, Function<Resource, String> source,
			Function<Resource, String> unwritable, Function<Resource, String> name, Cells.Setter set) {
		String from = layer.getName(), cell = layer.eContainer() instanceof Cell c ? c.getName() : null;
		List<FileEdit> edits = new ArrayList<>();
		List<String> refused = new ArrayList<>();
		for (Map.Entry<Resource, ? extends List<?>> e : cells.entrySet()) {
			Cells.LayerNameUses uses = Cells.layerNameUses(layer, e.getValue());
			if (uses.isEmpty()) continue;
			Resource r = e.getKey();
			String why = unwritable.apply(r);
			if (why == null && (!(r instanceof XtextResource) || !TextPatch.printable(r))) why = "has syntax errors: fix them first";
			if (why != null) {
				refused.add(name.apply(r) + " " + why);
				continue;
			}
			XtextResource xr = (XtextResource) r;
			String before = print(xr);
			CompoundCommand change = new CompoundCommand();
			for (Command c : Cells.renameLayerUses(layer, to, e.getValue(), set)) change.append(c);
			if (!change.canExecute()) { // canExecute prepares the set commands: they keep the old values for undo
				refused.add(name.apply(r) + ": the rename cannot be applied to it");
				continue;
			}
			change.execute();
			String after = print(xr);
			change.undo();
			String text = source.apply(r);
			TextPatch patch = TextPatch.of(text, before, after);
			if (patch != null) edits.add(new FileEdit(r, text, patch.applyTo(text), uses.describe(from)));
		}
		if (!refused.isEmpty())
			return new Plan(List.of(), "Cells of other files extending cell " + cell + " name its layer " + from
					+ " and cannot be changed now: " + String.join("; ", refused) + ". Nothing was renamed.", null);
		if (edits.isEmpty()) return new Plan(List.of(), null, null);
		StringBuilder q = new StringBuilder("Rename layer " + from + " of cell " + cell + " to " + to + "?\n\nCells of other files extending "
				+ cell + " name the layer; they are renamed too, and those files saved:\n");
		for (FileEdit x : edits) q.append("\n  ").append(name.apply(x.resource())).append(": ").append(String.join(", ", x.uses()));
		q.append("\n\nOne Undo (Ctrl+Z) takes back the rename in every file.");
		return new Plan(edits, null, q.toString());
	}

	/** The resource's model printed by the language's serializer and formatter (as the editing sessions print it). */
	public static String print(XtextResource r) {
		return r.getResourceServiceProvider().get(ISerializer.class).serialize(r.getContents().get(0), SaveOptions.newBuilder().format().getOptions());
	}
}
