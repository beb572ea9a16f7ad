package org.cellwright.run.spark;

import java.io.Serializable;
import java.util.LinkedHashMap;

/**
 * What travels to a worker for one run: the unit's resolved inputs (inputs.json as text, its source named absolutely)
 * and the names the run folder carries (the run's name, the sweep variant, the run id), and the driver's run folder
 * ({@code recordedIn}), relative to which the worker's run folder names its source. Nothing else: no model, no file of
 * the user.
 */
public record UnitTask(String name, String variant, String runId, String inputsJson, LinkedHashMap<String, String> parameters,
		String recordedIn)
		implements Serializable {}
