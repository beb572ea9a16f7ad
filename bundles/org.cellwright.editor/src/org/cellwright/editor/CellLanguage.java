package org.cellwright.editor;

import org.cellwright.lang.ide.CellWrightIdeSetup;

import com.google.inject.Injector;

/** The CellWright language services used in-process by the editor (Xtext runtime + .ide bindings). */
public final class CellLanguage {
	private static Injector injector;

	private CellLanguage() {}

	public static synchronized Injector injector() {
		if (injector == null) injector = new CellWrightIdeSetup().createInjectorAndDoEMFRegistration();
		return injector;
	}
}
