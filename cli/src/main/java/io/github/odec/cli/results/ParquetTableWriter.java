package io.github.odec.cli.results;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A table as an Apache Parquet file, written by hand: every column REQUIRED, PLAIN encoded and
 * uncompressed, one row group per chunk, data pages of at most {@link #PAGE_ROWS} values; INT64
 * integers, DOUBLE reals (FLOAT for an f32 table) and UTF8 BYTE_ARRAY text. The page headers and the
 * footer are Thrift compact structs ({@link ThriftCompactWriter}). No Parquet library: parquet-java
 * writes through Hadoop's FileSystem and brings Hadoop's client (tens of MB) into the CLI for what is
 * here two hundred lines; values go straight from the solution to the stream, so a chunk is never
 * copied. pandas (pyarrow), polars, Spark and DuckDB read the files (the tests read them with DuckDB).
 */
public final class ParquetTableWriter implements TableWriter {

    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    static final int PAGE_ROWS = 1 << 17;

    // parquet.thrift's enums
    private static final int INT64 = 2;
    private static final int FLOAT = 4;
    private static final int DOUBLE = 5;
    private static final int BYTE_ARRAY = 6;
    private static final int REQUIRED = 0;
    private static final int UTF8 = 0;
    private static final int PLAIN = 0;
    private static final int RLE = 3;
    private static final int UNCOMPRESSED = 0;
    private static final int DATA_PAGE = 0;

    private record ColumnChunk(long offset, long values, long bytes) {}

    private record RowGroup(List<ColumnChunk> columns, long rows) {}

    private final Table table;
    private final OutputStream out;
    private final List<RowGroup> rowGroups = new ArrayList<>();
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    /** Bytes handed to the stream so far; with the buffer's, the file offset ({@link #position()}). */
    private long drained;

    public ParquetTableWriter(Table table, OutputStream out) throws IOException {
        this.table = table;
        this.out = out;
        put(MAGIC);
    }

    @Override
    public void write(ChunkRows chunk) throws IOException {
        if (chunk.rows() == 0) {
            return;
        }
        List<ColumnChunk> columns = new ArrayList<>();
        for (int c = 0; c < table.columns().size(); c++) {
            long offset = position();
            for (int from = 0; from < chunk.rows(); from += PAGE_ROWS) {
                page(chunk, c, from, Math.min(chunk.rows(), from + PAGE_ROWS));
            }
            columns.add(new ColumnChunk(offset, chunk.rows(), position() - offset));
        }
        rowGroups.add(new RowGroup(columns, chunk.rows()));
    }

    /** One data page: its header, then rows {@code from} to {@code to} of the column, PLAIN encoded. */
    private void page(ChunkRows chunk, int c, int from, int to) throws IOException {
        Column.Kind kind = table.columns().get(c).kind();
        long size = switch (kind) {
            case INTEGER -> 8L * (to - from);
            case REAL -> (table.f32() ? 4L : 8L) * (to - from);
            case TEXT -> {
                long bytes = 0;
                for (int r = from; r < to; r++) {
                    bytes += 4 + chunk.text(c, r).getBytes(StandardCharsets.UTF_8).length;
                }
                yield bytes;
            }
        };
        ThriftCompactWriter header = new ThriftCompactWriter().beginStruct()
                .i32(1, DATA_PAGE).i32(2, Math.toIntExact(size)).i32(3, Math.toIntExact(size))
                .struct(5).i32(1, to - from).i32(2, PLAIN).i32(3, RLE).i32(4, RLE).end()
                .end();
        put(header.toByteArray());
        for (int r = from; r < to; r++) {
            if (buffer.remaining() < 8) {
                drain();
            }
            switch (kind) {
                case INTEGER, REAL -> table.putNumber(buffer, kind, chunk, c, r);
                case TEXT -> {
                    byte[] text = chunk.text(c, r).getBytes(StandardCharsets.UTF_8);
                    buffer.putInt(text.length);
                    put(text);
                }
            }
        }
    }

    @Override
    public void finish() throws IOException {
        byte[] footer = footer();
        put(footer);
        if (buffer.remaining() < 4) {
            drain();
        }
        buffer.putInt(footer.length);
        put(MAGIC);
        drain();
        out.flush();
    }

    /** FileMetaData: version, schema (a root and a leaf per column), row count, row groups, writer. */
    private byte[] footer() {
        List<Column> columns = table.columns();
        ThriftCompactWriter t = new ThriftCompactWriter().beginStruct().i32(1, 1);
        t.list(2, ThriftCompactWriter.STRUCT, columns.size() + 1);
        t.beginStruct().string(4, "schema").i32(5, columns.size()).end();
        for (Column column : columns) {
            t.beginStruct().i32(1, physicalType(column.kind())).i32(3, REQUIRED).string(4, column.name());
            if (column.kind() == Column.Kind.TEXT) {
                t.i32(6, UTF8);
            }
            t.end();
        }
        long rows = rowGroups.stream().mapToLong(RowGroup::rows).sum();
        t.i64(3, rows);
        t.list(4, ThriftCompactWriter.STRUCT, rowGroups.size());
        for (RowGroup group : rowGroups) {
            t.beginStruct().list(1, ThriftCompactWriter.STRUCT, columns.size());
            long bytes = 0;
            for (int c = 0; c < columns.size(); c++) {
                ColumnChunk chunk = group.columns().get(c);
                bytes += chunk.bytes();
                t.beginStruct().i64(2, chunk.offset()).struct(3)
                        .i32(1, physicalType(columns.get(c).kind()))
                        .list(2, ThriftCompactWriter.I32, 1).i32Element(PLAIN)
                        .list(3, ThriftCompactWriter.BINARY, 1).stringElement(columns.get(c).name())
                        .i32(4, UNCOMPRESSED).i64(5, chunk.values()).i64(6, chunk.bytes()).i64(7, chunk.bytes())
                        .i64(9, chunk.offset())
                        .end().end();
            }
            t.i64(2, bytes).i64(3, group.rows()).end();
        }
        t.string(6, "odec");
        return t.end().toByteArray();
    }

    private int physicalType(Column.Kind kind) {
        return switch (kind) {
            case INTEGER -> INT64;
            case REAL -> table.f32() ? FLOAT : DOUBLE;
            case TEXT -> BYTE_ARRAY;
        };
    }

    private long position() {
        return drained + buffer.position();
    }

    private void put(byte[] bytes) throws IOException {
        for (int from = 0; from < bytes.length; ) {
            if (!buffer.hasRemaining()) {
                drain();
            }
            int n = Math.min(buffer.remaining(), bytes.length - from);
            buffer.put(bytes, from, n);
            from += n;
        }
    }

    private void drain() throws IOException {
        out.write(buffer.array(), 0, buffer.position());
        drained += buffer.position();
        buffer.clear();
    }
}
