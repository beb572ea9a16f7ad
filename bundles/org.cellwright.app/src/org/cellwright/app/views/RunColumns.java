package org.cellwright.app.views;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cellwright.run.folder.RunFiles;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * What the Runs view tells of a run beyond its index row, read from the run's folder without reading its series: a
 * sweep variant's values (from its sweep's {@code sweep.csv}: the variants of a sweep share the sweep run's id and their
 * names only differ at the end) and how many of its expect checks pass ({@code checks.json}).
 */
public final class RunColumns {

	private RunColumns() {}

	/**
	 * The variant's values, "stack-pressure=5MPa, temperature=20degC", from the row of {@code sweep.csv} (in the
	 * folder's parent) that names the folder; "" for a run that is not a sweep variant or whose table does not name it.
	 */
	public static String variant(Path folder) {
		Path parent = folder.getParent(), name = folder.getFileName();
		if (parent == null || name == null) return "";
		Path table = parent.resolve(RunFiles.SWEEP_TABLE);
		if (!Files.isRegularFile(table)) return "";
		List<String> lines;
		try {
			lines = Files.readAllLines(table, StandardCharsets.UTF_8);
		} catch (IOException | java.io.UncheckedIOException e) {
			return "";
		}
		if (lines.isEmpty()) return "";
		List<String> head = List.of(lines.get(0).split(",", -1));
		int status = head.indexOf("status");
		if (head.isEmpty() || !head.get(0).equals("run") || status < 2) return "";
		for (String line : lines.subList(1, lines.size())) {
			String[] cells = line.split(",", -1);
			if (cells.length < status || !cells[0].equals(name.toString())) continue;
			List<String> values = new ArrayList<>();
			for (int i = 1; i < status; i++) values.add(head.get(i) + "=" + cells[i]);
			return String.join(", ", values);
		}
		return "";
	}

	/**
	 * The run's expect checks: "3 pass", "1 of 3 fail" (with those not evaluated left out of the count), "" without a
	 * readable checks.json or with no check in it.
	 */
	public static String checks(Path folder) {
		Path p = folder.resolve(RunFiles.CHECKS);
		if (!Files.isRegularFile(p)) return "";
		JsonElement e;
		try {
			e = JsonParser.parseString(Files.readString(p, StandardCharsets.UTF_8));
		} catch (IOException | JsonParseException ex) {
			return "";
		}
		if (!(e instanceof JsonObject root) || !(root.get("checks") instanceof JsonArray a)) return "";
		int pass = 0, fail = 0;
		for (JsonElement c : a) {
			if (!(c instanceof JsonObject o) || !(o.get("pass") instanceof com.google.gson.JsonPrimitive v) || !v.isBoolean()) continue;
			if (v.getAsBoolean()) pass++;
			else fail++;
		}
		if (pass + fail == 0) return "";
		return fail == 0 ? pass + " pass" : fail + " of " + (pass + fail) + " fail";
	}
}
