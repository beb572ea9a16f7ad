package org.cellwright.lang.naming;

import org.cellwright.model.Element;
import org.cellwright.model.Model;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.naming.DefaultDeclarativeQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;

/**
 * Only packages and top-level elements have qualified names (package.Element); properties, layers and groups are
 * named but not referable from elsewhere, which keeps the index small.
 */
public class CellWrightQualifiedNameProvider extends DefaultDeclarativeQualifiedNameProvider {
	@Override
	public QualifiedName getFullyQualifiedName(EObject obj) {
		if (obj instanceof Model || obj instanceof Element)
			return super.getFullyQualifiedName(obj);
		return null;
	}
}
