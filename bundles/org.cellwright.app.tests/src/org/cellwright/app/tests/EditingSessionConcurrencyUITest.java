package org.cellwright.app.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.cellwright.editor.DocumentValidator;
import org.cellwright.editor.EditingSession;
import org.cellwright.editor.Materials;
import org.cellwright.model.Cell;
import org.cellwright.model.Model;
import org.eclipse.jface.text.Document;
import org.eclipse.swt.widgets.Display;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;

/**
 * The views and the reconciler read the same parse on two threads (one parse per change): EMF and Xtext resources are
 * not thread-safe even for reading (a read fills lazy caches: Xtext's OnChangeEvictingCache adds adapters to the
 * resources of the parse's resource set). A view told of a new parse (the Stack view fills its palette from the scope
 * of a layer's material) and the reconciler validating that parse must never run at once; CI saw the palette's scope
 * fail with an ArrayIndexOutOfBoundsException in a resource's adapter list while the reconciler validated.
 */
class EditingSessionConcurrencyUITest {

	/** Fresh parses (fresh caches) of the study's half cells, each read at once by a view and by a validation. */
	static final int ROUNDS = 60;

	@Test
	void aViewToldOfAParseAndAValidationOfItOnAnotherThreadNeverReadItAtOnce() throws Exception {
		String text = Files.readString(Path.of(System.getProperty("cellwright.examples"), "sung2023", "half-cells.cell"));
		Display display = Display.getCurrent();
		assertNotNull(display, "runs on the UI thread, as the views do");

		// what a view and the reconciler find when nobody else reads the model meanwhile
		Document aloneDocument = new Document(text); // held: a session holds its document only weakly
		EditingSession alone = EditingSession.of(aloneDocument);
		XtextResource once = alone.parsed();
		List<String> materials = palettes(once);
		List<String> issues = alone.read(text, r -> messages(DocumentValidator.validate(r, CancelIndicator.NullImpl)));
		java.lang.ref.Reference.reachabilityFence(aloneDocument);
		assertTrue(materials.stream().anyMatch(s -> s.endsWith("Li15Si4")), "the standard library's materials are in the palette: " + materials);

		List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
		// readers of a session's model (one counter per session): a reader that finds another one inside reads at the same time
		AtomicInteger together = new AtomicInteger();
		BlockingQueue<Object[]> toValidate = new LinkedBlockingQueue<>();
		Thread reconciler = new Thread(() -> {
			try {
				for (;;) {
					Object[] job = toValidate.take();
					if (job.length == 0) return;
					EditingSession s = (EditingSession) job[0];
					AtomicInteger inside = (AtomicInteger) job[2];
					// as CellValidationReconciler does: the session's parse of the text, validated under read()
					List<String> found = s.read((String) job[1], r -> {
						if (inside.getAndIncrement() > 0) together.incrementAndGet();
						try {
							return messages(DocumentValidator.validate(r, CancelIndicator.NullImpl));
						} finally {
							inside.decrementAndGet();
						}
					});
					if (!issues.equals(found)) failures.add(new AssertionError("the validation read a model changed meanwhile: " + difference(issues, found)));
				}
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			} catch (Throwable t) {
				failures.add(t);
			}
		}, "test: reconciler");
		reconciler.start();
		try {
			for (int round = 0; round < ROUNDS && failures.isEmpty(); round++) {
				// a new document: a new parse, new caches; held until the round's validation ran, as an open editor holds its
				// document (the session holds it only weakly: a collected document has no text, and a read of it finds nothing)
				Document document = new Document(text);
				EditingSession session = EditingSession.of(document);
				AtomicInteger inside = new AtomicInteger();
				// the Stack view: on a new parse, the palette of every cell (the scope of a layer's material)
				session.addListener((model, change) -> {
					if (inside.getAndIncrement() > 0) together.incrementAndGet();
					try {
						List<String> seen = palettes(model);
						if (!materials.equals(seen)) failures.add(new AssertionError("the palette read a model changed meanwhile: " + difference(materials, seen)));
					} catch (Throwable t) {
						failures.add(t);
					} finally {
						inside.decrementAndGet();
					}
				});
				toValidate.put(new Object[] { session, text, inside, document });
				session.parsed(); // the view asks for the parse of the text (StackView.reparse): told at once
				while (display.readAndDispatch()) { /* a parse the reconciler made is announced here */ }
				java.lang.ref.Reference.reachabilityFence(document);
			}
			toValidate.put(new Object[0]);
			reconciler.join(TimeUnit.MINUTES.toMillis(5));
		} finally {
			reconciler.interrupt();
		}
		assertFalse(reconciler.isAlive(), "the reconciler's thread ended");
		assertEquals(0, together.get(), "times the view and the validation were in the model at once");
		if (!failures.isEmpty()) {
			throw new AssertionError(failures.size() + " reads failed, first: " + failures.get(0), failures.get(0));
		}
	}

	/** Each cell's palette: the labels of the materials a layer of it may refer to. */
	static List<String> palettes(XtextResource model) {
		List<String> out = new ArrayList<>();
		if (model.getContents().isEmpty() || !(model.getContents().get(0) instanceof Model m)) return out;
		for (var e : m.getElements())
			if (e instanceof Cell c) for (String label : Materials.visibleFrom(c).keySet()) out.add(c.getName() + ":" + label);
		return out;
	}

	/** What a concurrent read found that a read alone did not, and what it missed. */
	static String difference(List<String> alone, List<String> found) {
		if (found == null) return "nothing read";
		List<String> extra = new ArrayList<>(found), missing = new ArrayList<>(alone);
		extra.removeAll(alone);
		missing.removeAll(found);
		return found.size() + " found, " + alone.size() + " when read alone; extra " + extra + ", missing " + missing;
	}

	static List<String> messages(List<Issue> issues) {
		List<String> out = new ArrayList<>();
		for (Issue i : issues) out.add(i.getSeverity() + " " + i.getLineNumber() + " " + i.getMessage());
		return out;
	}
}
