/** Published parameter sets as Java code (each value with its source; calibrated values marked). */
package org.cellwright.solver.params;
