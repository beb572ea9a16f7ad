package org.cellwright.solver;

/** What an electrical step sets: its current, its voltage or its power. */
enum StepMode { CURRENT, VOLTAGE, POWER }
