package org.cellwright.diagram;

import org.cellwright.model.Model;
import org.eclipse.glsp.server.features.core.model.GModelFactory;
import org.eclipse.glsp.server.model.GModelState;

import com.google.inject.Inject;

/** GLSP's model factory: the graph of the .cell file that {@link CellSourceModelStorage} loaded into the state. */
public class CellGModelFactory implements GModelFactory {

	@Inject
	protected GModelState modelState;

	@Override
	public void createGModel() {
		Model model = modelState instanceof CellModelState state ? state.session().model() : null;
		modelState.updateRoot(CellGraphs.build(model));
	}
}
