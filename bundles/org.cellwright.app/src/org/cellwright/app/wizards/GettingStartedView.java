package org.cellwright.app.wizards;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.part.ViewPart;
import org.osgi.framework.FrameworkUtil;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Getting Started: the steps from opening a cell to comparing two runs (gettingstarted/steps.xml, written in the
 * cheat-sheet format), each with a button that does its action (a wizard, a view, a run).
 */
public class GettingStartedView extends ViewPart {

	public static final String ID = "org.cellwright.app.gettingStartedView";

	/** One step: title, text, and the serialized command its button runs (may be null). */
	public record Step(String title, String description, String command) {}

	private final List<Step> steps = new ArrayList<>();
	private final List<Label> texts = new ArrayList<>();
	private String title = "Getting started", intro = "";

	/** The steps of the walk-through, read from the bundle. */
	public static List<Step> readSteps(String[] titleAndIntro) {
		List<Step> out = new ArrayList<>();
		try (InputStream in = FrameworkUtil.getBundle(GettingStartedView.class).getEntry("gettingstarted/steps.xml").openStream()) {
			Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in).getDocumentElement();
			if (titleAndIntro != null) {
				titleAndIntro[0] = root.getAttribute("title");
				NodeList intro = root.getElementsByTagName("intro");
				titleAndIntro[1] = intro.getLength() == 0 ? "" : text((Element) intro.item(0));
			}
			NodeList items = root.getElementsByTagName("item");
			for (int i = 0; i < items.getLength(); i++) {
				Element item = (Element) items.item(i);
				NodeList cmd = item.getElementsByTagName("command");
				out.add(new Step(item.getAttribute("title"), text(item),
						cmd.getLength() == 0 ? null : ((Element) cmd.item(0)).getAttribute("serialization")));
			}
		} catch (Exception e) {
			out.add(new Step("The steps cannot be read", String.valueOf(e.getMessage()), null));
		}
		return out;
	}

	private static String text(Element e) {
		NodeList d = e.getElementsByTagName("description");
		return d.getLength() == 0 ? "" : d.item(0).getTextContent().strip().replaceAll("\\s*\\n\\s*", " ");
	}

	@Override
	public void createPartControl(Composite parent) {
		String[] head = new String[2];
		steps.addAll(readSteps(head));
		title = head[0] == null || head[0].isEmpty() ? title : head[0];
		intro = head[1] == null ? "" : head[1];
		ScrolledComposite scroll = new ScrolledComposite(parent, SWT.V_SCROLL);
		Composite body = new Composite(scroll, SWT.NONE);
		body.setLayout(new GridLayout(2, false));
		Label t = new Label(body, SWT.NONE);
		t.setText(title);
		t.setFont(JFaceResources.getHeaderFont());
		t.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
		texts.add(wrapped(body, intro, 2));
		int n = 1;
		for (Step s : steps) {
			Label number = new Label(body, SWT.NONE);
			number.setText(n++ + ".");
			number.setFont(JFaceResources.getBannerFont());
			number.setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false));
			Label st = new Label(body, SWT.NONE);
			st.setText(s.title());
			st.setFont(JFaceResources.getBannerFont());
			new Label(body, SWT.NONE);
			texts.add(wrapped(body, s.description(), 1));
			if (s.command() != null) {
				new Label(body, SWT.NONE);
				Button b = new Button(body, SWT.PUSH);
				b.setText(buttonLabel(s.command()));
				b.setData("command", s.command());
				b.addListener(SWT.Selection, e -> run(s.command()));
			}
		}
		scroll.setContent(body);
		scroll.setExpandHorizontal(true);
		scroll.setExpandVertical(true);
		scroll.addListener(SWT.Resize, e -> {
			int w = Math.max(200, scroll.getClientArea().width - 60);
			for (Label l : texts) ((GridData) l.getLayoutData()).widthHint = w;
			body.layout(true, true);
			scroll.setMinSize(body.computeSize(scroll.getClientArea().width, SWT.DEFAULT));
		});
	}

	private static Label wrapped(Composite parent, String text, int span) {
		Label l = new Label(parent, SWT.WRAP);
		l.setText(text);
		GridData gd = new GridData(SWT.FILL, SWT.TOP, true, false, span, 1);
		gd.widthHint = 500;
		l.setLayoutData(gd);
		return l;
	}

	private static String buttonLabel(String command) {
		if (command.startsWith("org.eclipse.ui.newWizard")) return "Open the wizard";
		if (command.startsWith("org.eclipse.ui.views.showView")) return "Show the view";
		if (command.startsWith("org.cellwright.app.runExperiments")) return "Run the active file";
		return "Do it";
	}

	private void run(String serialized) {
		try {
			ICommandService cs = getSite().getService(ICommandService.class);
			ParameterizedCommand c = cs.deserialize(serialized);
			getSite().getService(IHandlerService.class).executeCommand(c, null);
		} catch (Exception e) {
			MessageDialog.openInformation(getSite().getShell(), "Getting Started",
					"Not done: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
		}
	}

	/** The steps shown (for tests). */
	public List<Step> steps() {
		return steps;
	}

	@Override
	public void setFocus() {
		if (!texts.isEmpty()) texts.get(0).getParent().setFocus();
	}
}
