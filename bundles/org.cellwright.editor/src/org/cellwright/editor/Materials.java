package org.cellwright.editor;

import java.util.LinkedHashMap;
import java.util.Map;

import org.cellwright.model.Cell;
import org.cellwright.model.CellwrightFactory;
import org.cellwright.model.CellwrightPackage;
import org.cellwright.model.Layer;
import org.cellwright.model.Material;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.IScopeProvider;

/** The materials a layer of a cell can refer to (this file, its folder, imports, the standard library), by the name the scope gives. */
public final class Materials {

	private Materials() {}

	/** Label (the name as a layer would write it) to material, in the scope's order. */
	public static Map<String, Material> visibleFrom(Cell cell) {
		Map<String, Material> out = new LinkedHashMap<>();
		if (cell == null) return out;
		Layer probe = CellwrightFactory.eINSTANCE.createLayer();
		cell.getLayers().add(probe);
		IScope scope;
		try {
			scope = CellLanguage.injector().getInstance(IScopeProvider.class).getScope(probe, CellwrightPackage.Literals.LAYER__MATERIAL);
		} finally {
			cell.getLayers().remove(probe);
		}
		for (var d : scope.getAllElements()) {
			EObject o = d.getEObjectOrProxy();
			if (o.eIsProxy()) o = EcoreUtil.resolve(o, cell);
			if (o instanceof Material m && !m.eIsProxy() && !out.containsValue(m)) out.putIfAbsent(d.getName().toString(), m);
		}
		return out;
	}
}
