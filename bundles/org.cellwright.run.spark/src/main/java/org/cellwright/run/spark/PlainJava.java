package org.cellwright.run.spark;

import org.cellwright.model.CellwrightPackage;
import org.eclipse.emf.ecore.EPackage;

/**
 * What OSGi's extension registry does for the command line in the product, done by hand in a plain JVM: the model's
 * EPackage registered (the language's standalone setup registers only its own grammar's).
 */
public final class PlainJava {
	private PlainJava() {}

	public static synchronized void setUp() {
		EPackage.Registry.INSTANCE.putIfAbsent(CellwrightPackage.eNS_URI, CellwrightPackage.eINSTANCE);
	}
}
