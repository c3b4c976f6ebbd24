package io.github.odec.cli.results;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A table as one numpy {@code .npy} file (format 1.0, or 2.0 for a header past 64 KiB): a one-dimensional
 * array of records whose fields are the columns, little-endian: {@code <i8} integers, {@code <f8} reals
 * ({@code <f4} for an f32 table) and {@code <U} text of the table's width. {@code np.load(f)} reads it,
 * {@code np.load(f, mmap_mode="r")} maps it without reading it, and {@code pandas.DataFrame(a)} names
 * the columns. The header states the row count, so it is written before the first chunk.
 */
public final class NpyTableWriter implements TableWriter {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** The header is padded so the data starts at a multiple of this (numpy's own alignment). */
    private static final int ALIGNMENT = 64;

    private final Table table;
    private final OutputStream out;
    private final ByteBuffer buffer;
    private long written;

    public NpyTableWriter(Table table, OutputStream out) throws IOException {
        this.table = table;
        this.out = out;
        this.buffer = ByteBuffer.allocate(Math.max(1 << 16, recordBytes(table))).order(ByteOrder.LITTLE_ENDIAN);
        out.write(header(table));
    }

    /** The bytes of the magic, version, header length and header dictionary, padded to {@link #ALIGNMENT}. */
    static byte[] header(Table table) {
        StringBuilder dict = new StringBuilder("{'descr': [");
        for (int c = 0; c < table.columns().size(); c++) {
            Column column = table.columns().get(c);
            dict.append(c == 0 ? "" : ", ").append("('").append(column.name().replace("\\", "\\\\").replace("'", "\\'"))
                    .append("', '").append(dtype(column.kind(), table)).append("')");
        }
        dict.append("], 'fortran_order': False, 'shape': (").append(table.rows()).append(",), }");
        boolean v1 = dict.length() + 1 + MAGIC.length + 2 + 2 + ALIGNMENT <= 0xFFFF;
        int prefix = MAGIC.length + 2 + (v1 ? 2 : 4);
        int padded = (prefix + dict.length() + 1 + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
        dict.append(" ".repeat(padded - prefix - dict.length() - 1)).append('\n');
        byte[] text = dict.toString().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(padded).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) (v1 ? 1 : 2)).put((byte) 0);
        if (v1) {
            b.putShort((short) text.length);
        } else {
            b.putInt(text.length);
        }
        return b.put(text).array();
    }

    private static String dtype(Column.Kind kind, Table table) {
        return switch (kind) {
            case INTEGER -> "<i8";
            case REAL -> table.f32() ? "<f4" : "<f8";
            case TEXT -> "<U" + table.textWidth();
        };
    }

    private static int recordBytes(Table table) {
        int bytes = 0;
        for (Column c : table.columns()) {
            bytes += switch (c.kind()) {
                case INTEGER -> 8;
                case REAL -> table.f32() ? 4 : 8;
                case TEXT -> 4 * table.textWidth();
            };
        }
        return bytes;
    }

    @Override
    public void write(ChunkRows chunk) throws IOException {
        int record = recordBytes(table);
        int columns = table.columns().size();
        for (int r = 0; r < chunk.rows(); r++) {
            if (buffer.remaining() < record) {
                drain();
            }
            for (int c = 0; c < columns; c++) {
                Column.Kind kind = table.columns().get(c).kind();
                switch (kind) {
                    case INTEGER, REAL -> table.putNumber(buffer, kind, chunk, c, r);
                    case TEXT -> {
                        String s = chunk.text(c, r);
                        for (int i = 0; i < table.textWidth(); i++) {
                            buffer.putInt(i < s.length() ? s.charAt(i) : 0); // UCS-4; status names are ASCII
                        }
                    }
                }
            }
        }
        written += chunk.rows();
    }

    @Override
    public void finish() throws IOException {
        if (written != table.rows()) {
            throw new IllegalStateException(written + " rows written, but the header says " + table.rows());
        }
        drain();
        out.flush();
    }

    private void drain() throws IOException {
        out.write(buffer.array(), 0, buffer.position());
        buffer.clear();
    }
}
