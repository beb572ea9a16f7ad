package org.cellwright.diagram;

import java.util.List;

import org.eclipse.glsp.server.actions.AbstractActionHandler;
import org.eclipse.glsp.server.actions.Action;
import org.eclipse.glsp.server.features.core.model.ModelSubmissionHandler;

import com.google.inject.Inject;

/**
 * The text changed outside the diagram (typing in the IDE's editor): an action the server sends itself (on the
 * action dispatcher's thread, like every model change) to read the model again and send the new graph to the client.
 */
public class TextChanged extends Action {

	public static final String KIND = "cellwrightTextChanged";

	public TextChanged() {
		super(KIND);
	}

	public static class Handler extends AbstractActionHandler<TextChanged> {
		@Inject
		protected ModelSubmissionHandler submission;

		@Override
		protected List<Action> executeAction(TextChanged action) {
			return submission.submitModel();
		}
	}
}
