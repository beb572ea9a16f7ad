package org.cellwright.run;

import org.apache.log4j.ConsoleAppender;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.PatternLayout;

/** Xtext logs through log4j 1.x, which says nothing useful unless configured: warnings and errors go to stderr, one line each. */
public final class Logging {
	private Logging() {}

	public static synchronized void warningsToStderr() {
		Logger root = Logger.getRootLogger();
		root.removeAllAppenders();
		root.addAppender(new ConsoleAppender(new PatternLayout("%p %c{1}: %m%n"), "System.err"));
		root.setLevel(Level.WARN);
	}
}
