package org.cellwright.lang.validation;

import static org.cellwright.model.CellwrightPackage.Literals.*;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cellwright.lang.CellWrightResourceDescriptionStrategy;
import org.cellwright.lang.library.StandardLibraryIndex;
import org.cellwright.model.Element;
import org.cellwright.model.Import;
import org.cellwright.model.Model;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.naming.IQualifiedNameConverter;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsProvider;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.CheckType;

import com.google.inject.Inject;

/** Unique element names within a package, imports that match nothing, cyclic imports between packages. */
public class ImportsValidator extends AbstractCellWrightRules {

	@Inject
	private ResourceDescriptionsProvider descriptionsProvider;
	@Inject
	private StandardLibraryIndex library;
	@Inject
	private IQualifiedNameProvider nameProvider;
	@Inject
	private IQualifiedNameConverter nameConverter;

	@Check
	public void checkUniqueElements(Model m) {
		duplicates(m.getElements(), ELEMENT__NAME, "element");
		if (m.eResource() == null)
			return;
		IResourceDescriptions index = descriptionsProvider.getResourceDescriptions(m.eResource());
		if (isLibraryCopy(m, index))
			return;
		for (Element e : m.getElements()) {
			QualifiedName qn = nameProvider.getFullyQualifiedName(e);
			if (qn == null)
				continue;
			for (IEObjectDescription d : index.getExportedObjects(ELEMENT, qn, false)) {
				if (!d.getEObjectURI().trimFragment().equals(m.eResource().getURI())) {
					error("'" + qn + "' is also defined in " + d.getEObjectURI().trimFragment().lastSegment()
							+ "; names must be unique within a package: rename one", e, ELEMENT__NAME, DUPLICATE_NAME);
					break;
				}
			}
		}
	}

	/**
	 * A file that is a built-in library file (its package and file name those of one, e.g. the library's own
	 * chen2020.cell checked or exported as a file): said once, at the package, instead of "also defined in" at every
	 * element. True if so.
	 */
	private boolean isLibraryCopy(Model m, IResourceDescriptions index) {
		if (m.getName() == null || StandardLibraryIndex.isLibrary(m.eResource()))
			return false;
		for (Element e : m.getElements()) {
			QualifiedName qn = nameProvider.getFullyQualifiedName(e);
			if (qn == null)
				continue;
			for (IEObjectDescription d : index.getExportedObjects(ELEMENT, qn, false)) {
			org.eclipse.emf.common.util.URI u = d.getEObjectURI().trimFragment();
			if (!u.equals(m.eResource().getURI()) && StandardLibraryIndex.uris().contains(u)
					&& u.lastSegment().equals(m.eResource().getURI().lastSegment())) {
				String first = m.getElements().stream().filter(x -> x instanceof org.cellwright.model.Cell).map(Element::getName)
						.findFirst().orElse("Cell");
				error("this file is the built-in library " + m.getName() + " (" + u.lastSegment() + "): its elements are already defined"
						+ " there. Check or export a cell that extends it in a file of your own, e.g. 'import " + m.getName()
						+ ".*' and 'cell My" + first + " extends " + first + " { }', or export the library cell by name", m, MODEL__NAME,
						DUPLICATE_NAME);
				return true;
			}
			}
		}
		return false;
	}

	/** All package descriptions visible to this resource: the index and the standard library. */
	private Map<String, List<String>> packageImports(Resource r) {
		Map<String, List<String>> out = new LinkedHashMap<>();
		List<IEObjectDescription> models = new ArrayList<>();
		descriptionsProvider.getResourceDescriptions(r).getExportedObjectsByType(MODEL).forEach(models::add);
		for (IResourceDescription d : library.descriptions(r.getResourceSet()))
			d.getExportedObjectsByType(MODEL).forEach(models::add);
		for (IEObjectDescription d : models) {
			String pkg = nameConverter.toString(d.getName());
			String imports = d.getUserData(CellWrightResourceDescriptionStrategy.IMPORTS);
			List<String> list = out.computeIfAbsent(pkg, k -> new ArrayList<>());
			if (imports != null && !imports.isEmpty())
				for (String i : imports.split(","))
					if (!list.contains(i))
						list.add(i);
		}
		return out;
	}

	private static String targetPackage(String imported, Set<String> packages) {
		String ns = imported.endsWith(".*") ? imported.substring(0, imported.length() - 2) : imported;
		if (packages.contains(ns))
			return ns;
		int dot = ns.lastIndexOf('.');
		return dot > 0 && packages.contains(ns.substring(0, dot)) ? ns.substring(0, dot) : null;
	}

	@Check(CheckType.NORMAL)
	public void checkImports(Model m) {
		Resource r = m.eResource();
		if (r == null || m.getName() == null || m.getImports().isEmpty())
			return;
		Map<String, List<String>> graph = packageImports(r);
		// this file's own imports count even if the index is stale
		List<String> own = new ArrayList<>();
		for (Import i : m.getImports())
			if (i.getImportedNamespace() != null)
				own.add(i.getImportedNamespace());
		graph.computeIfAbsent(m.getName(), k -> new ArrayList<>()).addAll(own);
		Set<String> exported = new HashSet<>();
		descriptionsProvider.getResourceDescriptions(r).getExportedObjects()
				.forEach(d -> exported.add(nameConverter.toString(d.getName())));
		for (IResourceDescription d : library.descriptions(r.getResourceSet()))
			d.getExportedObjects().forEach(o -> exported.add(nameConverter.toString(o.getName())));
		for (Import imp : m.getImports()) {
			String ns = imp.getImportedNamespace();
			if (ns == null)
				continue;
			boolean wildcard = ns.endsWith(".*");
			String prefix = wildcard ? ns.substring(0, ns.length() - 2) : ns;
			boolean found = wildcard ? exported.stream().anyMatch(n -> n.startsWith(prefix + ".") || n.equals(prefix))
					: exported.contains(ns);
			if (!found) {
				error("import '" + ns + "' matches nothing: no " + (wildcard ? "package '" + prefix + "'" : "element '" + ns + "'")
						+ " in the loaded files or the standard library (packages: "
						+ String.join(", ", graph.keySet()) + ")", imp, IMPORT__IMPORTED_NAMESPACE, UNRESOLVED_IMPORT);
				continue;
			}
			String target = targetPackage(ns, graph.keySet());
			if (target == null || target.equals(m.getName()))
				continue;
			List<String> path = findPath(graph, target, m.getName());
			if (path != null)
				error("cyclic import: " + m.getName() + " -> " + String.join(" -> ", path)
						+ "; packages must not import each other in a circle: move what both need into a third package",
						imp, IMPORT__IMPORTED_NAMESPACE, CYCLIC_IMPORT);
		}
	}

	private static List<String> findPath(Map<String, List<String>> graph, String from, String to) {
		Deque<List<String>> queue = new ArrayDeque<>();
		queue.add(List.of(from));
		Set<String> seen = new HashSet<>(Set.of(from));
		while (!queue.isEmpty()) {
			List<String> path = queue.poll();
			String last = path.get(path.size() - 1);
			if (last.equals(to))
				return path;
			for (String i : graph.getOrDefault(last, List.of())) {
				String next = targetPackage(i, graph.keySet());
				if (next != null && seen.add(next)) {
					List<String> p = new ArrayList<>(path);
					p.add(next);
					queue.add(p);
				}
			}
		}
		return null;
	}
}
