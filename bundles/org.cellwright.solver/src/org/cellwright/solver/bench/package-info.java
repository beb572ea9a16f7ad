/** Speed measurements (run as Java main classes; never part of the test suite). */
package org.cellwright.solver.bench;
