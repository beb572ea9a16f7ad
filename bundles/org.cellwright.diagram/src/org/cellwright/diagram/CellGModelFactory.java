package org.cellwright.diagram;

import org.eclipse.glsp.graph.GModelRoot;
import org.eclipse.glsp.server.features.core.model.GModelFactory;
import org.eclipse.glsp.server.model.GModelState;

import com.google.inject.Inject;

/** GLSP's model factory: the graph of the .cell file that {@link CellSourceModelStorage} loaded into the state. */
public class CellGModelFactory implements GModelFactory {

	@Inject
	protected GModelState modelState;

	@Override
	public void createGModel() {
		GModelRoot root = modelState instanceof CellModelState state ? state.session().read(CellGraphs::build) : CellGraphs.build(null);
		// the new graph continues the revisions of the one it replaces (GLSP's submitModel then counts on from it):
		// a fresh graph starting at 0 took the revision of the one before, so the client's bounds computed for the old
		// graph (after an undo: of a layer no longer there) were applied to the new one ("Model element not found ... #label")
		if (modelState.getRoot() != null) root.setRevision(modelState.getRoot().getRevision());
		modelState.updateRoot(root);
	}
}
