package org.cellwright.editor;

import java.util.LinkedHashMap;
import java.util.Map;

import org.cellwright.model.Cell;
import org.cellwright.model.CellwrightPackage;
import org.cellwright.model.Material;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.IScopeProvider;

/**
 * The materials a layer of a cell can refer to (this file, its folder, imports, the standard library), by the name the
 * scope gives. Reads the model (and fills the lazy caches of its resource set): call it under the model's editing
 * session's lock ({@link EditingSession#readLocked}, or in a session listener).
 */
public final class Materials {

	private Materials() {}

	/** Label (the name as a layer would write it) to material, in the scope's order. */
	public static Map<String, Material> visibleFrom(Cell cell) {
		Map<String, Material> out = new LinkedHashMap<>();
		if (cell == null) return out;
		// the scope of a layer's material seen from the cell: a layer adds no names of its own, so this is the scope of
		// any layer of the cell (without adding a layer to the model: a reader must not change it)
		IScope scope = CellLanguage.injector().getInstance(IScopeProvider.class).getScope(cell, CellwrightPackage.Literals.LAYER__MATERIAL);
		for (var d : scope.getAllElements()) {
			EObject o = d.getEObjectOrProxy();
			if (o.eIsProxy()) o = EcoreUtil.resolve(o, cell);
			if (o instanceof Material m && !m.eIsProxy() && !out.containsValue(m)) out.putIfAbsent(d.getName().toString(), m);
		}
		return out;
	}
}
