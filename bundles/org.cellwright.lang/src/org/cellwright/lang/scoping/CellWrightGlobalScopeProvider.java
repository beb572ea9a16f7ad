package org.cellwright.lang.scoping;

import java.util.ArrayList;
import java.util.List;

import org.cellwright.lang.library.StandardLibraryIndex;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.impl.DefaultGlobalScopeProvider;
import org.eclipse.xtext.scoping.impl.MultimapBasedScope;

import com.google.common.base.Predicate;
import com.google.inject.Inject;

/**
 * The workspace (or resource set) index first, then the standard library (org.cellwright.library) as the outermost
 * fallback, so 'import cellwright.materials.*' works in every file without configuration.
 */
public class CellWrightGlobalScopeProvider extends DefaultGlobalScopeProvider {

	@Inject
	private StandardLibraryIndex library;

	@Override
	protected IScope getScope(Resource resource, boolean ignoreCase, EClass type, Predicate<IEObjectDescription> filter) {
		List<IEObjectDescription> lib = new ArrayList<>();
		for (IResourceDescription d : library.descriptions(resource.getResourceSet())) {
			if (d.getURI().equals(resource.getURI()))
				continue;
			for (IEObjectDescription o : d.getExportedObjectsByType(type))
				if (filter == null || filter.apply(o))
					lib.add(o);
		}
		IScope parent = lib.isEmpty() ? IScope.NULLSCOPE : MultimapBasedScope.createScope(IScope.NULLSCOPE, lib, ignoreCase);
		return getScope(parent, resource, ignoreCase, type, filter);
	}
}
