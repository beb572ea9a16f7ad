package org.cellwright.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.cellwright.lang.CellWrightChecker;
import org.cellwright.sharing.cli.CliSupport;
import org.cellwright.model.Element;
import org.cellwright.model.Experiment;
import org.cellwright.model.Model;
import org.cellwright.model.Sweep;
import org.cellwright.sharing.library.LibraryChecker;
import org.cellwright.sharing.library.LibraryPath;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResourceSet;

/** .cell files loaded into one resource set (so names resolve across them), with their validation problems. */
public final class CellFiles {

	private final XtextResourceSet resourceSet;
	private final List<Model> models = new ArrayList<>();
	private final List<Problem> problems = new ArrayList<>();

	private CellFiles(XtextResourceSet rs) {
		this.resourceSet = rs;
	}

	/** All .cell files below a folder (sorted), or the file itself. */
	public static List<Path> collect(Path p) {
		if (!Files.isDirectory(p)) return List.of(p);
		try (Stream<Path> s = Files.walk(p)) {
			return s.filter(f -> f.toString().endsWith(".cell") && Files.isRegularFile(f)).sorted().toList();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The file first, then the other .cell files of its folder ({@link CellWrightChecker#withSiblings}). */
	public static List<Path> withSiblings(Path file) {
		return CellWrightChecker.withSiblings(file);
	}

	/** Loads and validates the files with the language's checker (the standard library included); never throws for bad input. */
	public static CellFiles load(List<Path> files) {
		return from(CliSupport.checker().check(files));
	}

	/**
	 * Like {@link #load(List)}, with the libraries of the files' project ({@code cellwright-project.json} above
	 * {@code projectStart}) from the library path; unresolved names are explained by the library they should come from.
	 */
	public static CellFiles load(List<Path> files, LibraryPath libraries, Path projectStart) {
		return from(LibraryChecker.check(CliSupport.checker(), files, libraries, projectStart).result());
	}

	private static CellFiles from(CellWrightChecker.Result result) {
		CellFiles cf = new CellFiles(result.resourceSet());
		for (Model m : result.models().values()) cf.models.add(m);
		for (CellWrightChecker.CheckIssue i : result.issues()) {
			Problem.Severity sev = switch (i.severity()) {
				case ERROR -> Problem.Severity.ERROR;
				case WARNING -> Problem.Severity.WARNING;
				default -> Problem.Severity.INFO;
			};
			Path file = i.file().startsWith("<") ? null : Path.of(i.file());
			cf.problems.add(new Problem(file, i.line(), i.column(), sev, i.message()));
		}
		return cf;
	}

	public List<Problem> problems() { return problems; }

	public boolean hasErrors() { return problems.stream().anyMatch(Problem::isError); }

	/** The problems located in one of the files. */
	public List<Problem> problemsOf(Path file) {
		Path abs = file.toAbsolutePath().normalize();
		return problems.stream().filter(p -> p.file() != null && abs.equals(p.file().toAbsolutePath().normalize())).toList();
	}

	public XtextResourceSet resourceSet() { return resourceSet; }

	/** The experiments of the first file given (the one asked for): all of them, or only the one named (null: all). */
	public List<Experiment> experiments(String onlyName) {
		List<Experiment> out = new ArrayList<>();
		if (models.isEmpty()) return out;
		for (Element e : models.get(0).getElements())
			if (e instanceof Experiment x && (onlyName == null || onlyName.equals(x.getName()))) out.add(x);
		return out;
	}

	/**
	 * What {@code run} runs from the first file, in file order: its experiments and sweeps, or only the one named
	 * (null: all).
	 */
	public List<Element> runnables(String onlyName) {
		List<Element> out = new ArrayList<>();
		if (models.isEmpty()) return out;
		for (Element e : models.get(0).getElements())
			if ((e instanceof Experiment || e instanceof Sweep) && (onlyName == null || onlyName.equals(e.getName()))) out.add(e);
		return out;
	}

	/** The root models of the loaded files, in the order given. */
	public List<Model> models() { return models; }

	/** Where an element was written, for messages: a problem at its first line. */
	public static Problem problemAt(EObject o, Problem.Severity sev, String message) {
		Path file = null;
		String source = null;
		if (o.eResource() != null && o.eResource().getURI().isFile()) file = Path.of(o.eResource().getURI().toFileString());
		else if (o.eResource() != null) source = source(o.eResource().getURI());
		ICompositeNode node = NodeModelUtils.findActualNodeFor(o);
		if (node == null) return new Problem(file, 0, 0, sev, message, source);
		int line = node.getStartLine();
		int col = 1 + node.getOffset() - lineStartOffset(node);
		return new Problem(file, line, col, sev, message, source);
	}

	/**
	 * Where {@code o} was written, as a message names a step of a protocol ({@link org.cellwright.solver.input.StepNumbers}):
	 * "line 14" in the file of {@code from} (the experiment the message is about), "formation.cell line 3" in another
	 * file; null where the node model does not know it.
	 */
	public static String place(EObject o, EObject from) {
		ICompositeNode node = NodeModelUtils.findActualNodeFor(o);
		if (node == null) return null;
		String line = "line " + node.getStartLine();
		if (o.eResource() == null || from == null || o.eResource() == from.eResource()) return line;
		org.eclipse.emf.common.util.URI uri = o.eResource().getURI();
		return (uri.isFile() ? uri.lastSegment() : source(uri)) + " " + line;
	}

	/**
	 * How a file that is not on disk is named in messages: a library file inside a bundle by its path in the library,
	 * {@code <standard library>/cellwright/chen2020.cell} (it used to be {@code <input>}, which names no file).
	 */
	static String source(org.eclipse.emf.common.util.URI uri) {
		String path = uri.path() != null ? uri.path() : uri.toString();
		int at = path.lastIndexOf("/library/");
		if (at >= 0) return "<" + (org.cellwright.lang.library.StandardLibraryIndex.uris().contains(uri) ? "standard " : "") + "library>/"
				+ path.substring(at + "/library/".length());
		return uri.toString();
	}

	private static int lineStartOffset(ICompositeNode node) {
		String text = node.getRootNode().getText();
		int i = Math.min(node.getOffset(), text.length()) - 1;
		while (i >= 0 && text.charAt(i) != '\n') i--;
		return i + 1;
	}
}
