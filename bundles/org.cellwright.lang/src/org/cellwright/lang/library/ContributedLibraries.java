package org.cellwright.lang.library;

import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.eclipse.emf.common.util.URI;

/**
 * Libraries contributed by bundles through the extension point {@code org.cellwright.lang.libraries}, so that a lab
 * can ship its library as an Eclipse feature:
 *
 * <pre>
 * &lt;extension point="org.cellwright.lang.libraries"&gt;
 *    &lt;library path="library/acme"/&gt;   &lt;!-- a folder of the contributing bundle with .cell files --&gt;
 * &lt;/extension&gt;
 * </pre>
 *
 * Their files join the standard library as the outermost scope. Outside OSGi (no extension registry) there are none.
 */
public final class ContributedLibraries {

	public static final String EXTENSION_POINT = "org.cellwright.lang.libraries";

	private static volatile List<URI> uris;

	private ContributedLibraries() {
	}

	/** The .cell files of all contributed libraries (read from the registry once). */
	public static List<URI> uris() {
		List<URI> u = uris;
		if (u == null) {
			try {
				u = read();
			} catch (LinkageError | RuntimeException e) {
				u = List.of(); // no registry: plain Java
			}
			uris = u;
		}
		return u;
	}

	/** Reads the registry again (after bundles were installed). */
	public static void reset() {
		uris = null;
	}

	/**
	 * The contributed library folders on the file system (a bundle packed as a jar is extracted by the platform), so
	 * that their descriptors (library.json: name, version) count when a project's declared libraries are checked.
	 * Folders that cannot be located are left out; outside OSGi there are none.
	 */
	public static List<java.nio.file.Path> folders() {
		try {
			org.eclipse.core.runtime.IExtensionRegistry reg = org.eclipse.core.runtime.RegistryFactory.getRegistry();
			if (reg == null)
				return List.of();
			List<java.nio.file.Path> out = new ArrayList<>();
			for (org.eclipse.core.runtime.IConfigurationElement e : reg.getConfigurationElementsFor(EXTENSION_POINT)) {
				String path = e.getAttribute("path");
				org.osgi.framework.Bundle b = org.eclipse.core.runtime.ContributorFactoryOSGi.resolve(e.getContributor());
				URL entry = path == null || b == null ? null : b.getEntry(path);
				if (entry == null)
					continue;
				try {
					URL file = org.eclipse.core.runtime.FileLocator.toFileURL(entry);
					out.add(java.nio.file.Path.of(new java.io.File(file.getPath()).getAbsolutePath()));
				} catch (java.io.IOException ex) {
					// a folder the platform cannot hand out as files: its names still resolve through uris()
				}
			}
			return List.copyOf(out);
		} catch (LinkageError | RuntimeException e) {
			return List.of(); // no registry: plain Java
		}
	}

	private static List<URI> read() {
		org.eclipse.core.runtime.IExtensionRegistry reg = org.eclipse.core.runtime.RegistryFactory.getRegistry();
		if (reg == null)
			return List.of();
		List<URI> out = new ArrayList<>();
		for (org.eclipse.core.runtime.IConfigurationElement e : reg.getConfigurationElementsFor(EXTENSION_POINT)) {
			String path = e.getAttribute("path");
			org.osgi.framework.Bundle b = org.eclipse.core.runtime.ContributorFactoryOSGi.resolve(e.getContributor());
			if (path == null || b == null)
				continue;
			Enumeration<URL> files = b.findEntries(path, "*.cell", true);
			if (files == null)
				continue;
			List<URI> mine = new ArrayList<>();
			for (URL f : Collections.list(files))
				mine.add(URI.createURI(f.toString()));
			mine.sort((a, c) -> a.toString().compareTo(c.toString()));
			out.addAll(mine);
		}
		return List.copyOf(out);
	}
}
