package org.cellwright.diagram;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.eclipse.emf.common.command.Command;
import org.eclipse.glsp.graph.GNode;
import org.eclipse.glsp.server.model.GModelState;
import org.eclipse.glsp.server.operations.BasicOperationHandler;
import org.eclipse.glsp.server.operations.ChangeBoundsOperation;
import org.eclipse.glsp.server.types.ElementAndBounds;
import org.eclipse.glsp.server.types.GLSPServerException;

import com.google.inject.Inject;

/** A node moved by the user: its position goes into the sidecar file (not the model, not the text). */
public class MoveHandler extends BasicOperationHandler<ChangeBoundsOperation> {

	@Inject
	protected GModelState state;

	@Override
	public Optional<Command> createCommand(ChangeBoundsOperation op) {
		Path file = state.getProperty(CellSourceModelStorage.FILE, Path.class).orElse(null);
		if (file == null) return doNothing();
		Map<String, double[]> moved = new LinkedHashMap<>();
		// only nodes of the graph the server sent last: a client may still move a node that is gone (renamed, deleted),
		// whose position would otherwise stay in the sidecar and be given to a later element of that name
		var graph = state.getRoot() == null ? null : state.getIndex();
		for (ElementAndBounds b : op.getNewBounds())
			if (b.getNewPosition() != null && graph != null && graph.get(b.getElementId()).filter(GNode.class::isInstance).isPresent())
				moved.put(b.getElementId(), new double[] { b.getNewPosition().getX(), b.getNewPosition().getY() });
		if (moved.isEmpty()) return doNothing();
		try {
			LayoutSidecar.store(file, moved);
		} catch (IOException e) {
			throw new GLSPServerException("Cannot store the positions in " + LayoutSidecar.of(file).getFileName() + ": " + e.getMessage(), e);
		}
		return doNothing(); // the client shows the moved node already; the text is untouched
	}

	/**
	 * The routing points of the edges at a moved node, which GLSP's move tool sends with the move (one compound
	 * operation): not kept, the layout draws edges straight between their nodes. Without a handler the server does not
	 * know the operation and the whole compound, the move with it, is lost.
	 */
	public static class RoutingPoints extends BasicOperationHandler<org.eclipse.glsp.server.operations.ChangeRoutingPointsOperation> {
		@Override
		public Optional<Command> createCommand(org.eclipse.glsp.server.operations.ChangeRoutingPointsOperation op) {
			return doNothing();
		}
	}
}
