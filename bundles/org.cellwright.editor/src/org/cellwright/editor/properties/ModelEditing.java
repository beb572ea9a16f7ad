package org.cellwright.editor.properties;

import java.util.List;

import org.cellwright.model.Material;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.edit.domain.EditingDomain;

/** What the property sheet needs from the editor that owns the model (the Stack view): one command stack, one write-back. */
public interface ModelEditing {

	/** The editing domain whose command stack holds every edit (undo/redo). */
	EditingDomain domain();

	/** Executes the command on the command stack and prints the model back into the text; false if refused. */
	boolean execute(Command command);

	/** False while the text has syntax errors (the model is then only a partial reading). */
	boolean editable();

	/** The materials a layer may refer to, by the label the palette shows. */
	List<String> materialLabels();

	Material material(String label);

	/** Told the reason a value being typed is refused, or null when the value is acceptable again. */
	default void refused(String reason) {}
}
