package io.github.odec.cli.results;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The part of Thrift's compact protocol that Parquet's page headers and footer need: structs of i32, i64,
 * string and list fields, written in field order. Integers are zigzag varints; a field header holds the
 * delta from the previous field's id and its type, as the protocol's specification says.
 */
final class ThriftCompactWriter {

    static final int I32 = 5;
    static final int I64 = 6;
    static final int BINARY = 8;
    static final int LIST = 9;
    static final int STRUCT = 12;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Deque<Integer> enclosing = new ArrayDeque<>();
    private int lastField;

    byte[] toByteArray() {
        return bytes.toByteArray();
    }

    ThriftCompactWriter i32(int field, int value) {
        header(field, I32);
        varint(zigzag(value));
        return this;
    }

    ThriftCompactWriter i64(int field, long value) {
        header(field, I64);
        varint(zigzag(value));
        return this;
    }

    ThriftCompactWriter string(int field, String value) {
        header(field, BINARY);
        binary(value);
        return this;
    }

    /** A struct field; its fields follow, then {@link #end()}. */
    ThriftCompactWriter struct(int field) {
        header(field, STRUCT);
        return beginStruct();
    }

    /** A list field of {@code size} elements of {@code elementType}; the elements follow. */
    ThriftCompactWriter list(int field, int elementType, int size) {
        header(field, LIST);
        if (size < 15) {
            bytes.write(size << 4 | elementType);
        } else {
            bytes.write(0xF0 | elementType);
            varint(size);
        }
        return this;
    }

    /** A struct as a list element, or the outermost struct; its fields follow, then {@link #end()}. */
    ThriftCompactWriter beginStruct() {
        enclosing.push(lastField);
        lastField = 0;
        return this;
    }

    ThriftCompactWriter end() {
        bytes.write(0);
        lastField = enclosing.pop();
        return this;
    }

    /** An element of a list of i32. */
    ThriftCompactWriter i32Element(int value) {
        varint(zigzag(value));
        return this;
    }

    /** An element of a list of strings. */
    ThriftCompactWriter stringElement(String value) {
        binary(value);
        return this;
    }

    private void header(int field, int type) {
        int delta = field - lastField;
        if (delta > 0 && delta <= 15) {
            bytes.write(delta << 4 | type);
        } else {
            bytes.write(type);
            varint(zigzag(field));
        }
        lastField = field;
    }

    private void binary(String value) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        varint(b.length);
        bytes.writeBytes(b);
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private void varint(long v) {
        while ((v & ~0x7FL) != 0) {
            bytes.write((int) (v & 0x7F) | 0x80);
            v >>>= 7;
        }
        bytes.write((int) v);
    }
}
