package org.cellwright.app;

import org.cellwright.model.Fit;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;

/**
 * Run > Fit Parameters: runs the fit blocks of the edited .cell file (saving it first) or of one selected in the
 * Project Explorer, or the one fit selected in the Outline, as a {@link FitJob}.
 */
public class RunFitHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		CellFileTarget t = CellFileTarget.of(event, Fit.class, Fit::getName, "Fit Parameters", "Open or select a .cell file with a fit block first.");
		if (t != null) new FitJob(t.file(), t.element()).schedule();
		return null;
	}
}
