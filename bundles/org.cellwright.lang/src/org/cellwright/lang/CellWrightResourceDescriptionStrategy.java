package org.cellwright.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cellwright.model.Element;
import org.cellwright.model.Import;
import org.cellwright.model.Model;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.EObjectDescription;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.impl.DefaultResourceDescriptionStrategy;
import org.eclipse.xtext.util.IAcceptor;

/**
 * Exports the package (with its imports as user data "imports", for the cyclic-import check) and the top-level
 * elements; nothing below them.
 */
public class CellWrightResourceDescriptionStrategy extends DefaultResourceDescriptionStrategy {

	public static final String IMPORTS = "imports";

	@Override
	public boolean createEObjectDescriptions(EObject eObject, IAcceptor<IEObjectDescription> acceptor) {
		if (eObject instanceof Model m) {
			QualifiedName qn = getQualifiedNameProvider().getFullyQualifiedName(m);
			if (qn != null) {
				List<String> imports = new ArrayList<>();
				for (Import i : m.getImports())
					if (i.getImportedNamespace() != null)
						imports.add(i.getImportedNamespace());
				acceptor.accept(EObjectDescription.create(qn, m, Map.of(IMPORTS, String.join(",", imports))));
			}
			return true;
		}
		if (eObject instanceof Element) {
			super.createEObjectDescriptions(eObject, acceptor);
			return false;
		}
		return false;
	}
}
