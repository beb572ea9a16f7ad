package org.cellwright.run.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sweep.csv as Parquet: the same columns in order, typed, the same values, empty cells null (read back with Parquet's reader). */
class SweepParquetTest {

	@TempDir
	Path tmp;

	@Test
	void theSweepTableRoundTripsThroughParquet() throws Exception {
		Path csv = Files.writeString(tmp.resolve("sweep.csv"), """
				run,stack-pressure,status,cycles,first_ce,short_circuit_cycle
				X-stack-pressure=5MPa,5MPa,COMPLETED,1,0.999231,
				"X-stack-pressure=20MPa",20MPa,SHORT_CIRCUIT,12,1.00000e-3,12
				""");
		Path pq = tmp.resolve("sweep.parquet");
		SweepParquet.write(csv, pq);
		List<Group> rows = new ArrayList<>();
		MessageType schema;
		try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(pq))) {
			schema = r.getFooter().getFileMetaData().getSchema();
			PageReadStore pages;
			while ((pages = r.readNextRowGroup()) != null) {
				RecordReader<Group> rr = new ColumnIOFactory().getColumnIO(schema).getRecordReader(pages, new GroupRecordConverter(schema));
				for (long i = 0; i < pages.getRowCount(); i++) rows.add(rr.read());
			}
		}
		assertEquals(List.of("run", "stack-pressure", "status", "cycles", "first_ce", "short_circuit_cycle"),
				schema.getFields().stream().map(f -> f.getName()).toList());
		assertEquals(List.of(PrimitiveTypeName.BINARY, PrimitiveTypeName.BINARY, PrimitiveTypeName.BINARY, PrimitiveTypeName.INT64,
				PrimitiveTypeName.DOUBLE, PrimitiveTypeName.INT64),
				schema.getFields().stream().map(f -> f.asPrimitiveType().getPrimitiveTypeName()).toList());
		assertEquals(2, rows.size());
		assertEquals("X-stack-pressure=20MPa", rows.get(1).getString("run", 0));
		assertEquals("20MPa", rows.get(1).getString("stack-pressure", 0));
		assertEquals(12L, rows.get(1).getLong("cycles", 0));
		assertEquals(1e-3, rows.get(1).getDouble("first_ce", 0));
		assertEquals(0.999231, rows.get(0).getDouble("first_ce", 0));
		assertEquals(0, rows.get(0).getFieldRepetitionCount("short_circuit_cycle"), "an empty cell is null");
		assertEquals(12L, rows.get(1).getLong("short_circuit_cycle", 0));
	}
}
