package org.cellwright.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cellwright.diagram.CellOperations;
import org.cellwright.diagram.TextSession;
import org.cellwright.lang.CellWrightChecker;
import org.cellwright.lang.model.Cells;
import org.cellwright.model.Cell;
import org.cellwright.model.Element;
import org.cellwright.model.Layer;
import org.cellwright.model.Model;
import org.eclipse.emf.common.command.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The diagram's edits (the commands of {@link CellOperations}: palette, rename, delete) on cells that extend others,
 * written back into the text of a file (comments and blank lines kept) and undone byte for byte.
 */
class DiagramEditsTest {

	@TempDir
	Path dir;

	/** A base cell and cells extending it that name its layers: 'after wcc', a replacing separator, 'remove'. */
	static final String STACKS = """
			package t

			import cellwright.materials.*
			import cellwright.composites.*

			// the base: collector, separator, foil
			cell Base {
				layer wcc: SUS 10 um // the working collector

				layer separator: Li6PS5Cl 700 um
				layer foil: Li 350 um
				layer ccc: SUS 10 um
			}

			// a thinner separator and an interlayer on the collector
			cell Thin extends Base {
				layer separator: Li6PS5Cl 100 um // replaces the base's
				layer interlayer: SiCNT 2 um after wcc
			}

			cell NoFoil extends Thin { remove foil } // the foil taken out
			""";

	/** {@link #STACKS} as two files of a folder: base.cell with the base cell, thin.cell with the cells extending it. */
	static final String BASE = STACKS.substring(0, STACKS.indexOf("// a thinner separator")),
			THIN = "package t\n\nimport cellwright.materials.*\nimport cellwright.composites.*\n\n" + STACKS.substring(STACKS.indexOf("// a thinner separator"));

	Path file(String name, String text) throws Exception {
		Path f = dir.resolve(name);
		Files.writeString(f, text, StandardCharsets.UTF_8);
		return f;
	}

	Path example(String relative) throws Exception {
		Path f = dir.resolve(Path.of(relative).getFileName());
		Files.copy(CellGraphsTest.example().resolveSibling(relative), f);
		return f;
	}

	static Command command(TextSession s, java.util.function.Function<Model, Command> make) {
		return s.read(make);
	}

	/** Each cell's stack as the solver reads it: material and thickness of each layer, in order. */
	static Map<String, List<String>> stacks(TextSession s) {
		return s.read(m -> {
			Map<String, List<String>> out = new LinkedHashMap<>();
			for (Element e : m.getElements())
				if (e instanceof Cell c) out.put(c.getName(), Cells.effectiveLayers(c).stream()
						.map(l -> l.getMaterial().getName() + " " + (l.getThickness() == null ? "-" : l.getThickness().getValue() + " " + l.getThickness().getUnit()))
						.toList());
			return out;
		});
	}

	static long errors(Path f) {
		return errorMessages(f).size();
	}

	/** The errors of the file read as the CLI reads it, with the .cell files of its folder. */
	static List<String> errorMessages(Path f) {
		return new CellWrightChecker().check(CellWrightChecker.withSiblings(f)).issues().stream()
				.filter(i -> i.severity() == CellWrightChecker.Severity.ERROR && Path.of(i.file()).toAbsolutePath().normalize().equals(f.toAbsolutePath().normalize()))
				.map(CellWrightChecker.CheckIssue::message).toList();
	}

	/**
	 * A layer's name is written as text where cells extending its cell place a layer after it, remove it or replace
	 * it: a rename from the diagram changes them too, so every cell's stack stays the same. Before, only the declaration
	 * changed: the interlayer's 'after wcc' named no layer (an error, and the interlayer went to the end of the stack),
	 * Thin's separator no longer replaced the base's (two separators) and 'remove foil' named nothing.
	 */
	@Test
	void renamingALayerRenamesItWhereCellsExtendingItsCellNameIt() throws Exception {
		Path f = file("stacks.cell", STACKS);
		assertEquals(List.of(), errorMessages(f), "the fixture is valid");
		TextSession s = TextSession.onFile(f);
		Map<String, List<String>> before = stacks(s);
		for (String[] rename : new String[][] { { "layer:Base.wcc", "collector" }, { "layer:Base.separator", "electrolyte" },
				{ "layer:Base.foil", "lithium" } })
			assertTrue(s.execute(command(s, m -> CellOperations.rename(m, s.domain(), rename[0], rename[1]))), rename[0]);
		String text = Files.readString(f, StandardCharsets.UTF_8);
		assertTrue(text.contains("layer interlayer: SiCNT 2 um after collector"), text);
		assertTrue(text.contains("layer electrolyte: Li6PS5Cl 100 um // replaces the base's"), text);
		// only the names changed: the blank line after the collector and the one-line cell stay as written
		assertEquals(STACKS.replaceAll("\\bwcc\\b", "collector").replaceAll("\\bseparator\\b(?=:)", "electrolyte")
				.replaceAll("(?<=layer |remove )foil\\b", "lithium"), text);
		assertFalse(text.lines().map(x -> x.replaceAll("//.*", "")).anyMatch(x -> x.matches(".*\\b(wcc|separator|foil)\\b.*")), text);
		assertEquals(before, stacks(s), "every cell's stack unchanged");
		assertEquals(0, errors(f), text);
		for (String comment : STACKS.lines().filter(x -> x.contains("//")).map(x -> x.substring(x.indexOf("//"))).toList())
			assertTrue(text.contains(comment), comment + "\n" + text);
		for (int i = 0; i < 3; i++) s.undo();
		assertEquals(STACKS, Files.readString(f, StandardCharsets.UTF_8), "undone byte for byte");
	}

	/**
	 * A layer of a cell that a cell of another file extends and names ('after wcc', 'remove foil'): a rename by a session
	 * that writes this file only ({@code otherFiles} false), or a delete, would leave the other file naming a layer
	 * that is gone (an unknown anchor, the interlayer moved to the end of the stack). Refused, naming the other file
	 * and where it names the layer; both files untouched (the page's session renames it there too, asked first:
	 * {@link #thePagesSessionRenamesALayerInTheOtherFilesOfItsFolderOnceTheUserSaidYes}). A layer no other file names is renamed as before. Before, the rename went through and left
	 * thin.cell's 'after wcc' naming nothing.
	 */
	@Test
	void aLayerAnotherFileNamesIsNotRenamedHereAndTheRefusalNamesTheFile() throws Exception {
		String base = BASE, thin = THIN;
		Path f = file("base.cell", base), other = file("thin.cell", thin);
		assertEquals(List.of(), errorMessages(other), "the fixture is valid");
		TextSession s = TextSession.onFile(f);
		// each use with its file and line, as the IDE's search of the workspace names those of other folders
		// ("a/thin.cell:7: cell Thin: after wcc"); before session 27 without the line: "thin.cell (cell Thin: after wcc)"
		for (String[] refused : new String[][] { { "layer:Base.wcc", "thin.cell:9: cell Thin: after wcc" },
				{ "layer:Base.foil", "thin.cell:12: cell NoFoil: remove foil" },
				{ "layer:Base.separator", "thin.cell:8: cell Thin: a layer separator replacing it" } }) {
			RuntimeException e = assertThrows(RuntimeException.class,
					() -> command(s, m -> CellOperations.rename(m, s.domain(), refused[0], "renamed")), refused[0]);
			assertTrue(e.getMessage().contains(refused[1]), e.getMessage());
			e = assertThrows(RuntimeException.class, () -> command(s, m -> CellOperations.Delete.delete(m, s.domain(), List.of(refused[0]))));
			assertTrue(e.getMessage().contains("is named in other files: " + refused[1] + ": change those first."), e.getMessage());
		}
		assertEquals(base, Files.readString(f, StandardCharsets.UTF_8));
		assertEquals(thin, Files.readString(other, StandardCharsets.UTF_8));
		assertTrue(s.execute(command(s, m -> CellOperations.rename(m, s.domain(), "layer:Base.ccc", "counter"))), s::refusal);
		assertEquals(base.replace("layer ccc:", "layer counter:"), Files.readString(f, StandardCharsets.UTF_8));
	}

	/**
	 * In a session that renames other files too (the IDE's, {@code otherFiles}), the diagram's rename of a layer that
	 * thin.cell names is not refused: it is the language's layer rename ({@link Cells.LayerRename}: layer, old and new
	 * name), and the language's uses of it in thin.cell ({@link Cells#renameLayerUses}: 'after wcc', 'remove foil', the
	 * replacing separator), executed on thin.cell's model and printed back by {@code TextPatch} (what the IDE's
	 * LayerRenameAcrossFiles writes into that file), change just those names and keep thin.cell's comments and layout.
	 * Before session 23 the rename was refused in the IDE too.
	 */
	@Test
	void aLayerRenameFollowingIntoOtherFilesChangesTheirNamesOfItKeepingTheirText() throws Exception {
		String base = BASE, thin = THIN;
		Path f = file("base.cell", base), other = file("thin.cell", thin);
		TextSession s = TextSession.onFile(f);
		var serializer = new CellWrightChecker().injector().getInstance(org.eclipse.xtext.serializer.ISerializer.class);
		var format = org.eclipse.xtext.resource.SaveOptions.newBuilder().format().getOptions();
		for (String[] rename : new String[][] { { "layer:Base.wcc", "collector", "after wcc", "after collector" },
				{ "layer:Base.foil", "lithium", "remove foil", "remove lithium" },
				{ "layer:Base.separator", "sep", "layer separator:", "layer sep:" } }) {
			String thinAfter = s.read(m -> {
				Command c = CellOperations.rename(m, s.domain(), rename[0], rename[1], true);
				Cells.LayerRename r = Cells.LayerRename.in(c);
				assertEquals(rename[0].substring(rename[0].indexOf('.') + 1), r.from());
				assertEquals(rename[1], r.to());
				var thinModel = m.eResource().getResourceSet().getResources().stream()
						.filter(x -> x.getURI().lastSegment().equals("thin.cell")).findFirst().orElseThrow();
				String before = serializer.serialize(thinModel.getContents().get(0), format);
				var change = new org.eclipse.emf.common.command.CompoundCommand();
				for (Command x : Cells.renameLayerUses(r.layer(), r.to(), Cells.cellsOf(thinModel),
						(o, feature, v, i) -> org.eclipse.emf.edit.command.SetCommand.create(s.domain(), o, feature, v, i)))
					change.append(x);
				assertTrue(change.canExecute()); // prepares the set commands: they keep the old values for undo
				change.execute();
				String after = serializer.serialize(thinModel.getContents().get(0), format);
				change.undo();
				return org.cellwright.lang.text.TextPatch.of(thin, before, after).applyTo(thin);
			});
			assertEquals(thin.replace(rename[2], rename[3]), thinAfter, rename[0]);
		}
		assertEquals(base, Files.readString(f, StandardCharsets.UTF_8), "nothing written: the commands were not executed");
		assertEquals(thin, Files.readString(other, StandardCharsets.UTF_8));
	}

	/**
	 * The page's session on a file (an ordinary browser) renames a layer that cells of another file of its folder name
	 * there too, once the user said yes to the question ({@link org.cellwright.diagram.DiagramSession#ask}: the other
	 * file and where it names the layer, the IDE's question made by the same plan, {@code LayerRenameInOtherFiles}): not
	 * answered, it is refused and no file changes; answered, both files are written (thin.cell's comments and layout
	 * kept), one undo puts both back byte for byte and redo renames both again; an undo after thin.cell was changed
	 * since is refused, naming it. Before, the page refused every such rename, naming the files.
	 */
	@Test
	void thePagesSessionRenamesALayerInTheOtherFilesOfItsFolderOnceTheUserSaidYes() throws Exception {
		String base = BASE, thin = THIN;
		Path f = file("base.cell", base), other = file("thin.cell", thin);
		TextSession s = TextSession.onFile(f);
		assertTrue(s.renamesOtherFiles());
		Command c = command(s, m -> CellOperations.rename(m, s.domain(), "layer:Base.wcc", "collector", s.renamesOtherFiles()));
		org.cellwright.diagram.DiagramSession.Asked asked = s.ask(c);
		assertNotNull(asked, "the rename asks first");
		assertNull(asked.refusal(), asked.refusal());
		assertTrue(asked.question().startsWith("Rename layer wcc of cell Base to collector?") && asked.question().contains("thin.cell: cell Thin: after wcc"),
				asked.question());
		assertFalse(s.execute(c), "not answered: refused");
		assertTrue(s.refusal().contains("thin.cell: cell Thin: after wcc"), s.refusal());
		assertEquals(base, Files.readString(f, StandardCharsets.UTF_8));
		assertEquals(thin, Files.readString(other, StandardCharsets.UTF_8));

		Cells.LayerRename.in(c).answered(asked.question());
		assertTrue(s.execute(c), s::refusal);
		assertEquals(base.replace("layer wcc:", "layer collector:"), Files.readString(f, StandardCharsets.UTF_8));
		assertEquals(thin.replace("after wcc", "after collector"), Files.readString(other, StandardCharsets.UTF_8), "thin.cell renamed, its text kept");
		s.undo();
		assertEquals(base, Files.readString(f, StandardCharsets.UTF_8), "one undo: base.cell back byte for byte");
		assertEquals(thin, Files.readString(other, StandardCharsets.UTF_8), "and thin.cell");
		s.redo();
		assertEquals(thin.replace("after wcc", "after collector"), Files.readString(other, StandardCharsets.UTF_8), "redo renames both again");
		assertEquals(base.replace("layer wcc:", "layer collector:"), Files.readString(f, StandardCharsets.UTF_8));
		// the session's models are in step with the files: a second rename follows into thin.cell again
		Command again = command(s, m -> CellOperations.rename(m, s.domain(), "layer:Base.collector", "cc", true));
		asked = s.ask(again);
		assertTrue(asked.question().contains("thin.cell: cell Thin: after collector"), asked.question());
		Cells.LayerRename.in(again).answered(asked.question());
		assertTrue(s.execute(again), s::refusal);
		assertEquals(thin.replace("after wcc", "after cc"), Files.readString(other, StandardCharsets.UTF_8));

		// thin.cell changed since: the undo is refused naming it, nothing written
		String edited = Files.readString(other, StandardCharsets.UTF_8) + "// a note\n";
		Files.writeString(other, edited, StandardCharsets.UTF_8);
		String baseNow = Files.readString(f, StandardCharsets.UTF_8);
		s.undo();
		assertTrue(s.refusal() != null && s.refusal().contains("thin.cell"), s.refusal());
		assertEquals(baseNow, Files.readString(f, StandardCharsets.UTF_8));
		assertEquals(edited, Files.readString(other, StandardCharsets.UTF_8));
	}

	/**
	 * A layer renamed to the name of an inherited layer would silently replace that layer: refused, naming it. Before,
	 * only the cell's own layers were looked at.
	 */
	@Test
	void aLayerCannotTakeTheNameOfAnInheritedLayer() throws Exception {
		Path f = file("stacks.cell", STACKS);
		TextSession s = TextSession.onFile(f);
		RuntimeException e = assertThrows(RuntimeException.class,
				() -> command(s, m -> CellOperations.rename(m, s.domain(), "layer:Thin.interlayer", "foil")));
		assertTrue(e.getMessage().contains("taken") && e.getMessage().contains("Base"), e.getMessage());
		assertEquals(STACKS, Files.readString(f, StandardCharsets.UTF_8));
	}

	/**
	 * Deleting a layer that another cell names (places a layer after it, removes or replaces it) is refused with the
	 * reason, as deleting a material a layer uses is: the text would be left with an unknown name or a changed stack.
	 * Before, the layer was deleted and the extending cells' anchors and removals named nothing (errors).
	 */
	@Test
	void deletingALayerOtherCellsNameIsRefusedSayingWhere() throws Exception {
		Path f = file("stacks.cell", STACKS);
		TextSession s = TextSession.onFile(f);
		for (String[] refused : new String[][] { { "layer:Base.wcc", "layer interlayer of cell Thin", "after wcc" },
				{ "layer:Base.separator", "layer separator of cell Thin", "replaces" }, { "layer:Base.foil", "cell NoFoil", "remove foil" } }) {
			RuntimeException e = assertThrows(RuntimeException.class,
					() -> command(s, m -> CellOperations.Delete.delete(m, s.domain(), List.of(refused[0]))), refused[0]);
			assertTrue(e.getMessage().contains(refused[1]) && e.getMessage().contains(refused[2]), e.getMessage());
		}
		assertEquals(STACKS, Files.readString(f, StandardCharsets.UTF_8), "nothing deleted");
		// a layer nothing names goes, and so does a named one together with its users
		assertTrue(s.execute(command(s, m -> CellOperations.Delete.delete(m, s.domain(), List.of("layer:Thin.interlayer", "layer:Base.wcc")))), s::refusal);
		String text = Files.readString(f, StandardCharsets.UTF_8);
		assertFalse(text.contains("layer interlayer") || text.contains("layer wcc"), text);
		assertTrue(errorMessages(f).stream().noneMatch(x -> x.contains("wcc")), () -> errorMessages(f).toString());
	}

	/**
	 * A cell's own layer that replaces an inherited one of its name (Thin's separator, Base's) is deleted where cells
	 * extending that cell name it ('before separator' in its file, 'remove separator' in another file of the folder):
	 * the inherited layer comes back and they find it (Cells.layerNameUses from the losing cell: none), one command that
	 * one undo takes back byte for byte. A rename still changes those names (the uses of its name are unchanged); a
	 * layer whose name would be lost, Base's separator, is still refused
	 * ({@link #deletingALayerOtherCellsNameIsRefusedSayingWhere}). Before, this delete was refused too.
	 */
	@Test
	void aLayerReplacingAnInheritedOneIsDeletedWhereCellsExtendingItsCellNameIt() throws Exception {
		String thin = THIN + "\ncell Buffered extends Thin { layer buffer: SiCNT 1 um before separator }\n",
				far = "package t\n\nimport cellwright.materials.*\n\ncell Far extends Thin {\n\tlayer electrolyte: Li6PS5Cl 50 um after interlayer\n\tremove separator\n}\n";
		file("base.cell", BASE);
		Path f = file("thin.cell", thin), other = file("far.cell", far);
		assertEquals(List.of(), errorMessages(f), "the fixture is valid");
		assertEquals(List.of(), errorMessages(other), "the fixture is valid");
		TextSession s = TextSession.onFile(f);
		s.read(m -> {
			Layer separator = (Layer) org.cellwright.diagram.CellGraphs.element(m, "layer:Thin.separator");
			assertTrue(Cells.replacesInherited(separator));
			assertTrue(Cells.layerNameUses(separator, (Cell) separator.eContainer(), m.getElements()).isEmpty());
			assertEquals(List.of(), Cells.layerDeleteUsesInOtherFiles(separator));
			// what a rename changes: every name of it
			assertEquals(List.of("cell Buffered: before separator"), Cells.layerNameUses(separator, m.getElements()).describe("separator"));
			assertEquals(List.of("far.cell:7: cell Far: remove separator"), Cells.layerNameUsesInOtherFiles(separator));
			Layer base = (Layer) Cells.effectiveLayers((Cell) separator.eContainer()).stream().filter(l -> l != separator).findFirst().get();
			assertFalse(Cells.replacesInherited(base), "Base's wcc replaces nothing");
			return null;
		});
		Map<String, List<String>> before = stacks(s);
		assertTrue(s.execute(command(s, m -> CellOperations.Delete.delete(m, s.domain(), List.of("layer:Thin.separator")))), s::refusal);
		String text = Files.readString(f, StandardCharsets.UTF_8);
		assertFalse(text.contains("100 um"), text);
		assertTrue(text.contains("before separator"), text);
		Map<String, List<String>> after = stacks(s);
		String inherited = "Li6PS5Cl 700.0 um"; // Base's separator (base.cell)
		assertEquals(List.of(inherited), after.get("Thin").stream().filter(x -> x.startsWith("Li6PS5Cl")).toList(), "Base's separator is back in Thin");
		assertEquals(inherited, after.get("Buffered").get(after.get("Buffered").indexOf("SiCNT 1.0 um") + 1), "the buffer before it: " + after);
		assertEquals(List.of(), errorMessages(f));
		assertEquals(List.of(), errorMessages(other));
		s.undo();
		assertEquals(thin, Files.readString(f, StandardCharsets.UTF_8));
		assertEquals(before, stacks(s));
	}

	/**
	 * The palette's Layer tool on a cell of a file whose materials all come from the standard library (the study's
	 * half cells): the new layer takes the material of the cell's last layer, and a name no layer of its stack has,
	 * inherited ones included. Before, it was refused ("the file has no material yet"), and a name was only fresh
	 * among the cell's own layers (a base's layer1 would have been replaced).
	 */
	@Test
	void aNewLayerInAFileWithoutMaterialsOfItsOwnTakesTheCellsLastMaterialAndAFreshName() throws Exception {
		Path f = example("sung2023/half-cells.cell");
		String original = Files.readString(f, StandardCharsets.UTF_8);
		TextSession s = TextSession.onFile(f);
		assertTrue(s.execute(command(s, m -> CellOperations.create(m, s.domain(), CellOperations.LAYER, "cell:Cell3"))));
		assertTrue(s.execute(command(s, m -> CellOperations.create(m, s.domain(), CellOperations.LAYER, "cell:Cell2At5MPa"))));
		String text = Files.readString(f, StandardCharsets.UTF_8);
		Map<String, List<String>> stacks = stacks(s);
		assertEquals("SUS 10.0 um", stacks.get("Cell3").get(stacks.get("Cell3").size() - 2), "ccc still second to last");
		assertTrue(stacks.get("Cell3").get(stacks.get("Cell3").size() - 1).startsWith("SUS"), stacks.toString());
		List<String> cell2At5 = s.read(m -> Cells.effectiveLayers((Cell) org.cellwright.diagram.CellGraphs.element(m, "cell:Cell2At5MPa"))
				.stream().map(Layer::getName).toList());
		assertEquals(List.of("wcc", "interlayer", "separator", "foil", "ccc", "layer1", "layer2"), cell2At5, "both layers in the stack");
		assertTrue(text.contains("layer layer1: SUS"), text);
		assertTrue(text.contains("layer layer2: SUS"), text);
		// the palette gives no thickness: the base cell's new layer is marked until the user enters one
		assertEquals(List.of("layer layer1 needs a thickness ('layer layer1: M 2 um') or an areal-loading"), errorMessages(f), text);
		for (String comment : original.lines().filter(x -> x.contains("//")).map(x -> x.substring(x.indexOf("//"))).toList())
			assertTrue(text.contains(comment), comment + "\n" + text);
		s.undo();
		s.undo();
		assertEquals(original, Files.readString(f, StandardCharsets.UTF_8), "undone byte for byte");
	}

	/**
	 * A file that imports its cell and protocol from a neighbour in its folder (as the study's experiments.cell does):
	 * the diagram's session reads it with its neighbours, as the CLI does, so the names resolve (no error markers, edges
	 * to the imported elements); the palette's Experiment tool then runs the cell and protocol of the file's last
	 * experiment. Before, the file was read alone (every imported name an error) and the tool was refused ("the file
	 * needs a cell and a protocol first").
	 */
	@Test
	void aFileImportingFromItsNeighboursIsReadWithThemAndANewExperimentRunsTheLastOnesCellAndProtocol() throws Exception {
		file("cells.cell", """
				package t
				import cellwright.materials.*
				cell C {
					layer wcc: SUS 10 um
					layer separator: Li6PS5Cl 700 um
					layer foil: Li 350 um
				}
				protocol P { discharge at 0.1 mA/cm2 for 1 h }
				""");
		String runs = """
				package u
				import t.*

				// one run of the imported cell
				experiment First { cell C protocol P }
				""";
		Path g = file("runs.cell", runs);
		TextSession s = TextSession.onFile(g);
		assertEquals(List.of(), s.issues().stream().filter(i -> i.severity() == CellWrightChecker.Severity.ERROR).toList());
		var graph = s.read(org.cellwright.diagram.CellGraphs::build);
		List<String> ids = graph.getChildren().stream().map(x -> x.getId()).toList();
		assertTrue(ids.contains("edge:cell:experiment:First->cell:C") && ids.contains("edge:protocol:experiment:First->protocol:P"), ids.toString());
		assertTrue(s.execute(command(s, m -> CellOperations.create(m, s.domain(), CellOperations.EXPERIMENT, null))));
		String text = Files.readString(g, StandardCharsets.UTF_8);
		assertTrue(text.startsWith(runs.strip()), text);
		assertTrue(text.matches("(?s).*experiment experiment1\\s*\\{\\s*cell C\\s+protocol P\\s*}\\s*"), text);
		s.undo();
		assertEquals(runs, Files.readString(g, StandardCharsets.UTF_8), "undone byte for byte");
	}
}
