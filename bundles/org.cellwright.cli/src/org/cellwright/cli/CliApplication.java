package org.cellwright.cli;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/** The headless Eclipse application behind {@code ./cellwright run|check}: hands the arguments to {@link CellWrightCli}. */
public class CliApplication implements IApplication {

	@Override
	public Object start(IApplicationContext context) {
		String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
		context.applicationRunning();
		org.cellwright.run.Logging.warningsToStderr();
		int rc = CellWrightCli.execute(args == null ? new String[0] : args);
		System.out.flush();
		System.err.flush();
		return Integer.valueOf(rc);
	}

	@Override
	public void stop() {
		// nothing to stop: runs end by themselves
	}
}
