package org.cellwright.app.launch;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.debug.ui.actions.ILaunchable;

/**
 * Makes a .cell file in the Project Explorer "launchable", so the platform's Run As context menu (an object
 * contribution of org.eclipse.debug.ui whose enablement is the property org.eclipse.debug.core.launchable, true only
 * for objects with a declared ILaunchable adapter) lists the launch shortcut "CellWright Experiment". The Eclipse IDE
 * declares that adapter for its own elements (Java, ...), and org.eclipse.debug.ui only for editor inputs, which is
 * why Run As showed in the editor but not in this product's Project Explorer.
 */
public class LaunchableAdapterFactory implements IAdapterFactory {

	private static final ILaunchable LAUNCHABLE = new ILaunchable() {};

	@Override
	public <T> T getAdapter(Object adaptable, Class<T> adapterType) {
		if (adapterType == ILaunchable.class && adaptable instanceof IFile f && "cell".equals(f.getFileExtension()))
			return adapterType.cast(LAUNCHABLE);
		return null;
	}

	@Override
	public Class<?>[] getAdapterList() {
		return new Class<?>[] {ILaunchable.class};
	}
}
