package org.cellwright.lang.library;

import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.cellwright.library.StandardLibrary;
import org.eclipse.emf.common.notify.impl.AdapterImpl;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.xtext.resource.IResourceDescription;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * Loads the standard library's .cell files into a resource set (once per resource set) and keeps their resource
 * descriptions, for scoping and import validation.
 */
@Singleton
public class StandardLibraryIndex {

	@Inject
	private IResourceDescription.Manager manager;

	private static final class Cache extends AdapterImpl {
		final List<IResourceDescription> descriptions;

		Cache(List<IResourceDescription> d) {
			descriptions = d;
		}

		@Override
		public boolean isAdapterForType(Object type) {
			return type == Cache.class;
		}
	}

	/** URIs of the library files: the standard library, then the libraries contributed by bundles ({@link ContributedLibraries}). */
	public static List<URI> uris() {
		List<URI> out = new ArrayList<>();
		for (URL u : StandardLibrary.urls())
			out.add(URI.createURI(u.toString()));
		out.addAll(ContributedLibraries.uris());
		return out;
	}

	/** True if the resource is one of the standard library files. */
	public static boolean isLibrary(Resource r) {
		return r != null && uris().contains(r.getURI());
	}

	/** Loads the library into the resource set (if not there yet) and returns its descriptions. */
	public synchronized List<IResourceDescription> descriptions(ResourceSet rs) {
		if (rs == null)
			return Collections.emptyList();
		for (Object a : rs.eAdapters())
			if (a instanceof Cache c)
				return c.descriptions;
		List<IResourceDescription> out = new ArrayList<>();
		Cache cache = new Cache(out);
		rs.eAdapters().add(cache);
		for (URI uri : uris()) {
			try {
				Resource r = rs.getResource(uri, true);
				if (r != null)
					out.add(manager.getResourceDescription(r));
			} catch (RuntimeException e) {
				// a broken library file must not break the user's file; the library tests catch it
			}
		}
		return out;
	}

	/** Loads the library into the resource set; returns the resources. */
	public List<Resource> load(ResourceSet rs) {
		descriptions(rs);
		List<Resource> out = new ArrayList<>();
		for (URI uri : uris()) {
			Resource r = rs.getResource(uri, false);
			if (r != null)
				out.add(r);
		}
		return out;
	}
}
