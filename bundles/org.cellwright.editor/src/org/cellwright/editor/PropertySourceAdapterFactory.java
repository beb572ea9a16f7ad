package org.cellwright.editor;

import org.cellwright.editor.properties.SessionEditing;
import org.cellwright.model.PropertyOwner;
import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.ui.views.properties.IPropertySource;

/**
 * Layers and cells selected anywhere (the Outline, the table editor) show in the Properties view and are edited
 * through their document's {@link EditingSession}: the Stack view need not be open.
 */
public class PropertySourceAdapterFactory implements IAdapterFactory {

	@Override
	public <T> T getAdapter(Object adaptable, Class<T> type) {
		if (type == IPropertySource.class && adaptable instanceof EObject o) {
			IPropertySource s = SessionEditing.propertySource(o, null);
			return s == null ? null : type.cast(s);
		}
		return null;
	}

	@Override
	public Class<?>[] getAdapterList() {
		return new Class<?>[] { IPropertySource.class };
	}
}
