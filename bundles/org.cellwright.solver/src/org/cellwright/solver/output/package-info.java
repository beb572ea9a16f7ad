/**
 * Writers of run results. The only place where SI values are converted to report units
 * (h, mA/cm2, mAh/cm2, mAh/g, mV, MPa): see {@link org.cellwright.solver.output.ReportUnits}.
 */
package org.cellwright.solver.output;
