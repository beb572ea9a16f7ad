package org.cellwright.run.spark;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * A sweep's table (sweep.csv) as one Parquet file, {@code sweep.parquet}, beside it, for pandas, polars and Spark: the
 * same columns in the same order; a column whose every value is a whole number is INT64, one of numbers DOUBLE, any
 * other a UTF-8 string (a parameter as written, "20MPa"); an empty cell is null. Written on the driver (the table is
 * small), with Parquet's own writer.
 */
public final class SweepParquet {
	private SweepParquet() {}

	public static final String FILE_NAME = "sweep.parquet";

	enum Kind { LONG, DOUBLE, TEXT }

	public static void write(Path csv, Path parquet) throws IOException {
		List<String> header;
		List<CSVRecord> rows;
		try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
				CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
			header = p.getHeaderNames();
			rows = p.getRecords();
		}
		Kind[] kinds = new Kind[header.size()];
		for (int c = 0; c < kinds.length; c++) kinds[c] = kind(rows, c);
		Types.MessageTypeBuilder b = Types.buildMessage();
		for (int c = 0; c < kinds.length; c++) {
			String n = header.get(c);
			switch (kinds[c]) {
				case LONG -> b.optional(PrimitiveTypeName.INT64).named(n);
				case DOUBLE -> b.optional(PrimitiveTypeName.DOUBLE).named(n);
				case TEXT -> b.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(n);
			}
		}
		MessageType schema = b.named("sweep");
		Files.deleteIfExists(parquet);
		SimpleGroupFactory groups = new SimpleGroupFactory(schema);
		try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(parquet)).withType(schema)
				.withCompressionCodec(CompressionCodecName.UNCOMPRESSED).withWriteMode(ParquetFileWriter.Mode.OVERWRITE).build()) {
			for (CSVRecord row : rows) {
				Group g = groups.newGroup();
				for (int c = 0; c < kinds.length; c++) {
					String v = c < row.size() ? row.get(c) : "";
					if (v.isEmpty()) continue;
					switch (kinds[c]) {
						case LONG -> g.add(c, Long.parseLong(v));
						case DOUBLE -> g.add(c, Double.parseDouble(v));
						case TEXT -> g.add(c, v);
					}
				}
				w.write(g);
			}
		}
	}

	private static Kind kind(List<CSVRecord> rows, int c) {
		Kind k = Kind.LONG;
		for (CSVRecord r : rows) {
			String v = c < r.size() ? r.get(c) : "";
			if (v.isEmpty()) continue;
			if (k == Kind.LONG && !v.matches("-?\\d{1,18}")) k = Kind.DOUBLE;
			if (k == Kind.DOUBLE) {
				try {
					Double.parseDouble(v);
					if (!v.matches("[-+0-9.eE]+|NaN|-?Infinity")) return Kind.TEXT;
				} catch (NumberFormatException e) {
					return Kind.TEXT;
				}
			}
		}
		return k;
	}
}
