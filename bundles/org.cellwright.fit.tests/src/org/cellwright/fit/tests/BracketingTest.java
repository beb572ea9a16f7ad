package org.cellwright.fit.tests;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.cellwright.fit.Bracket;
import org.cellwright.fit.Bracketing;
import org.cellwright.fit.FitCancelledException;
import org.cellwright.fit.FitOptions;
import org.cellwright.fit.FitParameter;
import org.cellwright.fit.FitResult;
import org.junit.jupiter.api.Test;

/**
 * The bracket fit on synthetic steps: observations that pass or fail at known values of the parameter (as a short
 * circuit flips at a penetration stress). The interval is found within the resolution, an end no observation limits
 * reaches its bound, and a start that fails is refused.
 */
class BracketingTest {

	private static final FitOptions OPTIONS = FitOptions.defaults().withMethod(FitOptions.Method.BRACKET);

	/** "shorts" fails above 95.3, "lasts" below 64.1: the interval [64.1, 95.3] within 1 %, each end naming what fails beyond it. */
	@Test
	void theIntervalOfTwoStepsIsFoundWithinTheResolutionAndNamesWhatFailsBeyondEachEnd() throws Exception {
		List<Double> seen = Collections.synchronizedList(new ArrayList<>());
		Bracketing.Outcome step = p -> {
			seen.add(p[0]);
			List<String> f = new ArrayList<>();
			if (p[0] > 95.3) f.add("bare cell shorts");
			if (p[0] < 64.1) f.add("interlayer cell lasts");
			return f;
		};
		FitResult r = Bracketing.run(step, List.of(new FitParameter("stress", 80, 40, 200)), OPTIONS);
		Bracket b = r.bracket();
		assertNotNull(b);
		assertTrue(b.logarithmic(), "positive bounds: log coordinates");
		assertTrue(b.lower().passes() >= 64.1 && b.lower().passes() <= 64.1 * 1.01, "lower end within 1 %: " + b.lower());
		assertTrue(b.lower().fails() < 64.1 && b.lower().passes() - b.lower().fails() <= 0.01 * b.lower().passes(), b.lower().toString());
		assertTrue(b.upper().passes() <= 95.3 && b.upper().passes() >= 95.3 / 1.01, "upper end within 1 %: " + b.upper());
		assertTrue(b.upper().fails() > 95.3 && b.upper().fails() - b.upper().passes() <= 0.01 * b.upper().fails(), b.upper().toString());
		assertEquals(List.of("interlayer cell lasts"), b.lower().failing());
		assertEquals(List.of("bare cell shorts"), b.upper().failing());
		assertTrue(b.closed());
		assertEquals(FitResult.Status.CONVERGED, r.status());
		assertEquals(80, r.values()[0], 0, "the value is the start value");
		assertTrue(Double.isNaN(r.lower95()[0]) && Double.isNaN(r.upper95()[0]), "no statistical interval");
		double position = Math.log(80 / b.lower().passes()) / Math.log(b.upper().passes() / b.lower().passes());
		assertEquals(position, b.startPosition(), 1e-12);
		assertEquals(seen.size(), r.evaluations());
		assertTrue(r.evaluations() < 30, "bisection, not a scan: " + r.evaluations());
		assertTrue(seen.stream().allMatch(x -> x >= 40 && x <= 200), "nothing evaluated beyond the bounds");
		assertTrue(r.notes().get(0).startsWith("stress: every expectation holds from 64."), r.notes().toString());
		assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("above 95.") && n.endsWith("fails: bare cell shorts")), r.notes().toString());
	}

	/** Only an upper step: the interval reaches the lower bound, said so; a bound of zero or below bisects linearly. */
	@Test
	void anEndNoObservationLimitsReachesItsBound() throws Exception {
		FitResult r = Bracketing.run(p -> p[0] > 3.7 ? List.of("too high") : List.of(), List.of(new FitParameter("x", 1, -2, 10)), OPTIONS);
		Bracket b = r.bracket();
		assertFalse(b.logarithmic());
		assertTrue(b.lower().toBound());
		assertEquals(-2, b.lower().passes(), 0);
		assertFalse(b.upper().toBound());
		assertTrue(b.upper().passes() <= 3.7 && b.upper().fails() > 3.7 && b.upper().fails() - b.upper().passes() <= 0.01 * 3.8, b.upper().toString());
		assertEquals(FitResult.Status.CONVERGED, r.status());
		assertFalse(b.closed(), "an end at its bound is not found by the observations");
		assertTrue(r.notes().contains("to the lower bound -2.000: no expectation fails there; the targets do not bound it below"), r.notes().toString());
	}

	/** Nothing fails anywhere: undetermined, both ends at the bounds. */
	@Test
	void observationsThatNeverFailLeaveItUndetermined() throws Exception {
		FitResult r = Bracketing.run(p -> List.of(), List.of(new FitParameter("x", 5, 1, 10)), OPTIONS);
		assertEquals(FitResult.Status.UNDETERMINED, r.status());
		assertTrue(r.bracket().lower().toBound() && r.bracket().upper().toBound());
		assertEquals(3, r.evaluations(), "the start and the two bounds");
	}

	@Test
	void aStartThatFailsIsRefusedNamingWhatFails() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> Bracketing.run(p -> p[0] > 3 ? List.of("bare cell shorts") : List.of(), List.of(new FitParameter("stress", 5, 1, 10)), OPTIONS));
		assertEquals("stress: the start value 5.000 fails bare cell shorts: a bracket starts at a value where every target's expectations pass",
				e.getMessage());
	}

	@Test
	void aBracketEstimatesExactlyOneValue() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Bracketing.run(p -> List.of(),
				List.of(new FitParameter("a", 5, 1, 10), new FitParameter("b", 5, 1, 10)), OPTIONS));
		assertEquals("a bracket fit estimates exactly one value; this one has 2", e.getMessage());
	}

	/** The evaluations are bounded: an end not resolved when they run out is said so, and the fit has not converged. */
	@Test
	void anEndNotResolvedWhenTheEvaluationsRunOutIsSaidSo() throws Exception {
		FitResult r = Bracketing.run(p -> p[0] > 3.7 ? List.of("too high") : List.of(), List.of(new FitParameter("x", 1, 0.5, 1000)),
				OPTIONS.withMaxEvaluations(5));
		assertTrue(r.evaluations() <= 6, "bounded: " + r.evaluations());
		assertFalse(r.bracket().upper().resolved());
		assertTrue(r.bracket().upper().passes() < 3.7 && r.bracket().upper().fails() > 3.7);
		assertEquals(FitResult.Status.NOT_CONVERGED, r.status());
	}

	/** Cancelled before the start's evaluation ended, a bracket has found nothing: the cancel is the exception, nothing kept. */
	@Test
	void aCancelBeforeTheStartWasEvaluatedKeepsNothing() {
		int[] n = { 0 };
		assertThrows(FitCancelledException.class, () -> Bracketing.run(p -> {
			n[0]++;
			return List.of();
		}, List.of(new FitParameter("x", 5, 1, 10)), OPTIONS.withCancel(() -> n[0] >= 1)));
		assertEquals(1, n[0], "no evaluation after the cancel");
	}

	/**
	 * A bracket cancelled part way keeps the ends it found so far, each between its last passing and first failing value,
	 * the fit marked cancelled with a note saying so; the evaluation the cancel cut short (its simulations stopped) is not
	 * taken as a pass or a fail. Before session 30 the cancel threw, and the fit kept nothing though both ends had been
	 * narrowed (session 29 walk: PenetrationStressBracket after 8 evaluations, (67.3, 80] and [80, 119.6) MPa).
	 */
	@Test
	void aCancelledBracketKeepsTheEndsFoundSoFarMarkedCancelled() throws Exception {
		java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
		List<Double> cut = Collections.synchronizedList(new ArrayList<>());
		FitResult r = Bracketing.run(p -> {
			if (n.incrementAndGet() >= 8) cut.add(p[0]); // cancelled while this one is evaluated: its answer says nothing
			return p[0] > 3.7 || p[0] < 0.8 ? List.of("fails") : List.of();
		}, List.of(new FitParameter("x", 1, 0.5, 1000)), OPTIONS.withCancel(() -> n.get() >= 8));
		assertEquals(FitResult.Status.CANCELLED, r.status());
		assertFalse(r.converged());
		// the sides search at once: the 7 calls before the cancel ended, but a side's 7th may end after the other began the 8th
		assertTrue(r.evaluations() == 6 || r.evaluations() == 7, "those that ended before the cancel, not those it cut short: " + r.evaluations());
		Bracket b = r.bracket();
		assertNotNull(b, "the bracket found so far is kept");
		for (Bracket.End e : List.of(b.lower(), b.upper())) assertFalse(e.resolved(), "neither end resolved in 7 evaluations: " + e);
		assertTrue(b.lower().passes() >= 0.8 && b.lower().passes() <= 1 && b.lower().fails() < 0.8, "the lower end so far: " + b.lower());
		assertTrue(b.upper().passes() >= 1 && b.upper().passes() <= 3.7 && b.upper().fails() > 3.7, "the upper end so far: " + b.upper());
		assertTrue(b.lower().fails() > 0.5 || b.upper().fails() < 1000, "narrowed beyond the bounds on a side: " + b);
		// an end's fails is its bound until a failing evaluation moves it there (then it names what failed): the cut
		// evaluation may be of the bound itself (ci99: the lower side's 8th call at 0.5, its end still the bound's)
		for (double x : cut) for (Bracket.End e : List.of(b.lower(), b.upper()))
			assertTrue(x != e.passes() && (x != e.fails() || e.failing().isEmpty()), "the evaluation cut short at " + x + " moved no end: " + b);
		assertTrue(r.notes().get(0).startsWith("cancelled after " + r.evaluations() + " evaluations"), r.notes().toString());
		assertTrue(r.notes().stream().anyMatch(t -> t.contains("(not resolved: cancelled;")), r.notes().toString());
		assertEquals("bracketed", FitResult.Status.CONVERGED.word(true));
		// an interval that is the start alone (cancelled before any bisection passed) says so, not "at NaN of it"
		Bracket alone = new Bracket("x", 80, new Bracket.End(80, 73.4, List.of("f"), false), new Bracket.End(80, 97.8, List.of("f"), false), true, 0.01);
		assertEquals("the whole interval", alone.startPlace());
		assertEquals("at 0.50 of it", new Bracket("x", 2, new Bracket.End(1, 0.5, List.of("f"), true), new Bracket.End(4, 5, List.of("f"), true), true, 0.01)
				.startPlace());
		assertEquals("cancelled", r.status().word(true));
	}
}
