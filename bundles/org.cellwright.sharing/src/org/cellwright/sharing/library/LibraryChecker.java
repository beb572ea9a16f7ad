package org.cellwright.sharing.library;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cellwright.lang.CellWrightChecker;
import org.cellwright.lang.CellWrightChecker.CheckIssue;
import org.cellwright.lang.CellWrightChecker.Severity;
import org.cellwright.lang.validation.CellWrightValidator;
import org.cellwright.model.Import;
import org.cellwright.model.Model;

/**
 * Checks .cell files together with the libraries their project uses: the library files join the resource set (so
 * their names resolve like the standard library's), their own warnings are not repeated, and a name that does not
 * resolve is explained by the library it should come from: missing, installed in another version, or present but
 * without that element (removed or renamed between versions), with the importing file and line.
 */
public final class LibraryChecker {

	/** The outcome: the checker's result for the user files, and the libraries that took part. */
	public record Outcome(CellWrightChecker.Result result, Resolution resolution, ProjectDescriptor project) {
	}

	private static final Pattern IMPORT = Pattern.compile("import '([^']+)' matches nothing");
	private static final Pattern REFERENCE = Pattern.compile("Couldn't resolve reference to \\w+ '([^']+)'");

	private LibraryChecker() {
	}

	/** Checks the files with the libraries of their project (found from {@code projectStart}) on the path. */
	public static Outcome check(CellWrightChecker checker, List<Path> files, LibraryPath path, Path projectStart) {
		List<CheckIssue> extra = new ArrayList<>();
		ProjectDescriptor project = null;
		try {
			project = ProjectDescriptor.find(projectStart);
		} catch (LibraryException e) {
			extra.add(new CheckIssue(projectStart + "/" + ProjectDescriptor.FILE, 1, 1, Severity.ERROR, e.getMessage(), null));
		}
		Resolution res = project != null ? Resolution.resolve(project.libraries(), project.file().getFileName().toString(), path)
				: Resolution.all(path);
		return check(checker, files, res, project, extra);
	}

	/** Checks the files with exactly these libraries. */
	public static Outcome check(CellWrightChecker checker, List<Path> files, Resolution res, ProjectDescriptor project, List<CheckIssue> extra) {
		Set<Path> own = new LinkedHashSet<>();
		for (Path f : files)
			own.add(f.toAbsolutePath().normalize());
		Map<Path, Library> libFiles = new LinkedHashMap<>();
		for (Library l : res.libraries())
			for (Path f : l.cellFiles())
				if (!own.contains(f))
					libFiles.putIfAbsent(f, l);
		List<Path> all = new ArrayList<>(files);
		all.addAll(libFiles.keySet());
		CellWrightChecker.Result r = checker.check(all);

		// packages of each loaded library
		Map<String, Library> packageOwner = new LinkedHashMap<>();
		for (Map.Entry<Path, Library> e : libFiles.entrySet()) {
			Model m = r.model(e.getKey());
			if (m != null && m.getName() != null)
				packageOwner.putIfAbsent(m.getName(), e.getValue());
		}
		List<CheckIssue> issues = new ArrayList<>(extra);
		Set<Resolution.Problem> explained = new LinkedHashSet<>();
		for (CheckIssue i : r.issues()) {
			Path f = i.file().startsWith("<") ? null : Path.of(i.file()).toAbsolutePath().normalize();
			Library lib = f == null ? null : libFiles.get(f);
			if (lib != null) {
				if (i.severity() == Severity.ERROR)
					issues.add(new CheckIssue(i.file(), i.line(), i.column(), i.severity(), "in library " + lib.descriptor().id() + ": " + i.message(), i.code()));
				continue;
			}
			String msg = i.message();
			String name = null;
			Matcher mi = IMPORT.matcher(msg), mr = REFERENCE.matcher(msg);
			if (CellWrightValidator.UNRESOLVED_IMPORT.equals(i.code()) && mi.find())
				name = mi.group(1);
			else if (mr.find())
				name = mr.group(1);
			if (name != null && i.severity() == Severity.ERROR) {
				String why = explain(name, i, r, files, packageOwner, res, explained);
				if (why != null)
					msg = msg + "; " + why;
			}
			issues.add(new CheckIssue(i.file(), i.line(), i.column(), i.severity(), msg, i.code()));
		}
		// library problems that no import pointed at: at the project file
		for (Resolution.Problem p : res.problems())
			if (!explained.contains(p)) {
				String where = project != null ? project.file().toString() : p.requiredBy();
				int line = project != null ? project.line(p.library()) : 1;
				issues.add(new CheckIssue(where, line, 1, Severity.ERROR, p.message(), "cellwright.library"));
			}
		Map<Path, Model> models = new LinkedHashMap<>();
		for (Path f : files)
			if (r.model(f) != null)
				models.put(f, r.model(f));
		return new Outcome(new CellWrightChecker.Result(List.copyOf(issues), r.resourceSet(), models), res, project);
	}

	private static String explain(String name, CheckIssue at, CellWrightChecker.Result r, List<Path> files, Map<String, Library> packageOwner,
			Resolution res, Set<Resolution.Problem> explained) {
		String ns = name.endsWith(".*") ? name.substring(0, name.length() - 2) : name;
		// a qualified name in a package of a loaded library: the element is not in this version
		for (Map.Entry<String, Library> e : packageOwner.entrySet()) {
			String pkg = e.getKey();
			if (ns.startsWith(pkg + ".") && !name.endsWith(".*"))
				return "library " + e.getValue().descriptor().id() + " (" + e.getValue().dir() + ") has no '" + ns.substring(pkg.length() + 1)
						+ "' in package " + pkg + ": it may have been removed or renamed in this version";
		}
		// a simple name used under a wildcard import of a library package
		if (!ns.contains(".")) {
			Model m = modelOf(at.file(), r, files);
			if (m != null)
				for (Import imp : m.getImports()) {
					String in = imp.getImportedNamespace();
					if (in != null && in.endsWith(".*") && packageOwner.containsKey(in.substring(0, in.length() - 2))) {
						Library l = packageOwner.get(in.substring(0, in.length() - 2));
						return "not in library " + l.descriptor().id() + " (imported by 'import " + in + "'): it may have been removed or renamed in this version";
					}
				}
		}
		// a library that is missing or in another version
		List<String> why = new ArrayList<>();
		for (Resolution.Problem p : res.problems()) {
			explained.add(p);
			why.add(p.message());
		}
		return why.isEmpty() ? null : String.join("; ", why);
	}

	private static Model modelOf(String file, CellWrightChecker.Result r, List<Path> files) {
		for (Path f : files)
			if (f.toString().equals(file))
				return r.model(f);
		return null;
	}
}
