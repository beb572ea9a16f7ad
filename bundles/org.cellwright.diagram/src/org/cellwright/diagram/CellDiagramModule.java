package org.cellwright.diagram;

import org.eclipse.glsp.server.di.DiagramModule;
import org.eclipse.glsp.server.diagram.DiagramConfiguration;
import org.eclipse.glsp.server.features.core.model.GModelFactory;
import org.eclipse.glsp.server.features.core.model.SourceModelStorage;
import org.eclipse.glsp.server.layout.LayoutEngine;

/** GLSP diagram module of a .cell file (diagram type {@value #TYPE}). */
public class CellDiagramModule extends DiagramModule {

	public static final String TYPE = "cellwright-diagram";

	@Override
	protected Class<? extends DiagramConfiguration> bindDiagramConfiguration() { return CellDiagramConfiguration.class; }

	@Override
	protected Class<? extends SourceModelStorage> bindSourceModelStorage() { return CellSourceModelStorage.class; }

	@Override
	protected Class<? extends GModelFactory> bindGModelFactory() { return CellGModelFactory.class; }

	@Override
	protected Class<? extends LayoutEngine> bindLayoutEngine() { return CellLayoutEngine.class; }

	@Override
	public String getDiagramType() { return TYPE; }
}
