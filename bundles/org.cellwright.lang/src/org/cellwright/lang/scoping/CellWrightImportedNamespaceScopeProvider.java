package org.cellwright.lang.scoping;

import java.util.ArrayList;
import java.util.List;

import org.cellwright.model.Model;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.scoping.impl.ImportNormalizer;
import org.eclipse.xtext.scoping.impl.ImportedNamespaceAwareLocalScopeProvider;

/** Imports as written plus an implicit 'import own.package.*': files of one package see each other's elements. */
public class CellWrightImportedNamespaceScopeProvider extends ImportedNamespaceAwareLocalScopeProvider {
	@Override
	protected List<ImportNormalizer> internalGetImportedNamespaceResolvers(EObject context, boolean ignoreCase) {
		List<ImportNormalizer> resolvers = new ArrayList<>(super.internalGetImportedNamespaceResolvers(context, ignoreCase));
		if (context instanceof Model m && m.getName() != null && !m.getName().isBlank()) {
			ImportNormalizer own = createImportedNamespaceResolver(m.getName() + ".*", ignoreCase);
			if (own != null)
				resolvers.add(own);
		}
		return resolvers;
	}
}
