package org.cellwright.app;

import org.cellwright.model.Element;
import org.cellwright.model.Experiment;
import org.cellwright.model.Sweep;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;

/**
 * Runs experiments: those of the edited .cell file (saving it first), of a .cell file selected in the Project
 * Explorer, or the one experiment or sweep selected in the Outline (Run Experiment, Run Sweep).
 */
public class RunExperimentsHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		CellFileTarget t = CellFileTarget.of(event, Element.class, e -> e instanceof Experiment || e instanceof Sweep ? e.getName() : null, "Run Experiments", "Open or select a .cell file with an experiment first.");
		if (t != null) new ExperimentJob(t.file(), t.element()).schedule();
		return null;
	}
}
