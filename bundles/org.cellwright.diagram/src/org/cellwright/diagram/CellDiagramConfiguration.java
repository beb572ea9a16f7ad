package org.cellwright.diagram;

import java.util.List;

import org.eclipse.glsp.server.diagram.BaseDiagramConfiguration;
import org.eclipse.glsp.server.layout.ServerLayoutKind;
import org.eclipse.glsp.server.types.EdgeTypeHint;
import org.eclipse.glsp.server.types.ShapeTypeHint;

/** The diagram type: default GModel types, read-only for now (no type hints), layout by ELK on the server. */
public class CellDiagramConfiguration extends BaseDiagramConfiguration {

	@Override
	public List<ShapeTypeHint> getShapeTypeHints() { return List.of(); }

	@Override
	public List<EdgeTypeHint> getEdgeTypeHints() { return List.of(); }

	@Override
	public ServerLayoutKind getLayoutKind() { return ServerLayoutKind.AUTOMATIC; }

	@Override
	public boolean needsClientLayout() { return true; }
}
