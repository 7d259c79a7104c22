package io.ltvcascade.model.script;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The few opcodes of Python's pickle protocol 2 that TorchScript's unpickler reads for a module's state: strings,
 * small integers, booleans, tuples, a dict, globals and persistent storage ids.
 */
final class PickleWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    PickleWriter() {
        out.write(0x80); // PROTO
        out.write(2);
    }

    PickleWriter global(String module, String name) {
        out.write('c');
        out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    PickleWriter string(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.write('X'); // BINUNICODE
        int32(utf8.length);
        out.writeBytes(utf8);
        return this;
    }

    PickleWriter integer(long value) {
        if (value >= 0 && value < 256) {
            out.write('K'); // BININT1
            out.write((int) value);
        } else if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
            out.write('J'); // BININT
            int32((int) value);
        } else {
            out.write(0x8a); // LONG1, eight bytes
            out.write(8);
            int32((int) value);
            int32((int) (value >>> 32));
        }
        return this;
    }

    PickleWriter bool(boolean value) {
        return opcode(value ? 0x88 : 0x89); // NEWTRUE, NEWFALSE
    }

    PickleWriter mark() {
        return opcode('(');
    }

    /** Everything since the last {@link #mark()} as one tuple. */
    PickleWriter tuple() {
        return opcode('t');
    }

    PickleWriter emptyTuple() {
        return opcode(')');
    }

    PickleWriter emptyDict() {
        return opcode('}');
    }

    /** Adds the key/value pairs since the last {@link #mark()} to the dict below the mark. */
    PickleWriter setItems() {
        return opcode('u');
    }

    PickleWriter reduce() {
        return opcode('R');
    }

    PickleWriter build() {
        return opcode('b');
    }

    PickleWriter persistentId() {
        return opcode('Q'); // BINPERSID
    }

    byte[] finish() {
        out.write('.'); // STOP
        return out.toByteArray();
    }

    private PickleWriter opcode(int code) {
        out.write(code);
        return this;
    }

    private void int32(int value) {
        out.write(value);
        out.write(value >>> 8);
        out.write(value >>> 16);
        out.write(value >>> 24);
    }
}
