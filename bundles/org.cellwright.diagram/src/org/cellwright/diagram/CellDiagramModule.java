package org.cellwright.diagram;

import org.eclipse.glsp.server.di.DiagramModule;
import org.eclipse.glsp.server.diagram.DiagramConfiguration;
import org.eclipse.glsp.server.features.core.model.GModelFactory;
import org.eclipse.glsp.server.features.directediting.LabelEditValidator;
import org.eclipse.glsp.server.features.core.model.SourceModelStorage;
import org.eclipse.glsp.server.features.toolpalette.ToolPaletteItemProvider;
import org.eclipse.glsp.server.layout.LayoutEngine;
import org.eclipse.glsp.server.model.GModelState;
import org.eclipse.glsp.server.operations.OperationHandler;
import org.eclipse.glsp.server.di.MultiBinding;

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
	protected Class<? extends GModelState> bindGModelState() { return CellModelState.class; }

	@Override
	protected Class<? extends org.eclipse.glsp.server.features.validation.ModelValidator> bindModelValidator() { return CellModelValidator.class; }

	@Override
	protected Class<? extends LabelEditValidator> bindLabelEditValidator() { return CellOperations.RenameCheck.class; }

	@Override
	protected Class<? extends ToolPaletteItemProvider> bindToolPaletteItemProvider() { return CellOperations.Palette.class; }

	@Override
	protected void configureOperationHandlers(MultiBinding<OperationHandler<?>> binding) {
		super.configureOperationHandlers(binding);
		binding.add(CellOperations.CreateElement.class);
		binding.add(CellOperations.CreateReference.class);
		binding.add(CellOperations.Rename.class);
		binding.add(CellOperations.Delete.class);
		binding.add(RenameQuestion.Handler.class);
		binding.add(MoveHandler.class);
		binding.add(MoveHandler.RoutingPoints.class);
	}

	@Override
	protected void configureActionHandlers(MultiBinding<org.eclipse.glsp.server.actions.ActionHandler> binding) {
		super.configureActionHandlers(binding);
		binding.add(TextChanged.Handler.class);
		// each edit of the page answered by the number it was tagged with (EditAnswer)
		binding.add(EditAnswer.TagHandler.class);
		binding.add(EditAnswer.UnreadableHandler.class);
		binding.rebind(org.eclipse.glsp.server.operations.OperationActionHandler.class, EditAnswer.Operations.class);
		binding.rebind(org.eclipse.glsp.server.features.undoredo.UndoRedoActionHandler.class, EditAnswer.UndoRedo.class);
	}

	@Override
	public String getDiagramType() { return TYPE; }
}
