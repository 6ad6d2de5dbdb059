package dev.mantis.robot.ros.msg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MessageInputTest {

    private static byte[] strings(String... values) {
        MessageOutput out = new MessageOutput(16);
        for (String v : values) {
            out.writeString(v);
        }
        return out.toByteArray();
    }

    @Test
    void repeatedShortStringsAreDecodedOnceAndShared() {
        byte[] bytes = strings("panda_joint1", "panda_joint2");
        MessageInput in = new MessageInput();
        in.reset(bytes, 0, bytes.length);
        String first = in.readString();
        String second = in.readString();
        in.reset(bytes, 0, bytes.length);
        assertSame(first, in.readString());
        assertSame(second, in.readString());
        assertEquals("panda_joint2", second);
    }

    @Test
    void manyDistinctStringsDecodeCorrectlyThroughTheCache() {
        String[] values = new String[500];
        for (int i = 0; i < values.length; i++) {
            values[i] = "joint_" + i + (i % 3 == 0 ? "\u00e9" : "");
        }
        byte[] bytes = strings(values);
        MessageInput in = new MessageInput();
        for (int round = 0; round < 2; round++) {
            in.reset(bytes, 0, bytes.length);
            for (String v : values) {
                assertEquals(v, in.readString());
            }
        }
    }

    @Test
    void longStringsAreNotShared() {
        String longName = "x".repeat(MessageInput.CACHED_STRING_BYTES + 1);
        byte[] bytes = strings(longName);
        MessageInput in = new MessageInput();
        in.reset(bytes, 0, bytes.length);
        String first = in.readString();
        in.reset(bytes, 0, bytes.length);
        String again = in.readString();
        assertEquals(longName, again);
        assertNotSame(first, again);
    }

    @Test
    void resetOverTheSameArrayHonoursOffsetAndLength() {
        byte[] frame = strings("a", "bc", "def");
        MessageInput in = new MessageInput();
        in.reset(frame, 0, frame.length);
        assertEquals("a", in.readString());
        // "bc" alone: it starts after "a" (4 + 1 bytes) and is 4 + 2 bytes long
        in.reset(frame, 5, 6);
        assertEquals("bc", in.readString());
        assertEquals(0, in.remaining());
        MessageFormatException e = assertThrows(MessageFormatException.class, in::readString);
        assertEquals("message truncated: array length needs 4 bytes at offset 6, 0 left", e.getMessage());
    }
}
