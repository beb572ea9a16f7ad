package org.cellwright.lang.scoping;

import org.cellwright.lang.text.Printable;
import org.eclipse.xtext.diagnostics.DiagnosticMessage;
import org.eclipse.xtext.linking.impl.LinkingDiagnosticMessageProvider;

/**
 * A reference that resolves to nothing ("Couldn't resolve reference to Cell 'X'.") names it as the validator's
 * messages name things ({@link Printable#bounded}): a name of 100 kB was printed whole, on the command line and in the
 * Problems view (input25).
 */
public class CellWrightLinkingDiagnosticMessageProvider extends LinkingDiagnosticMessageProvider {

	@Override
	public DiagnosticMessage getUnresolvedProxyMessage(ILinkingDiagnosticContext context) {
		DiagnosticMessage m = super.getUnresolvedProxyMessage(context);
		if (m == null || m.getMessage() == null) return m;
		String b = Printable.bounded(m.getMessage());
		return b.equals(m.getMessage()) ? m : new DiagnosticMessage(b, m.getSeverity(), m.getIssueCode(), m.getIssueData());
	}
}
