package dev.mantis.robot.dataset.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Snappy, the RLE/bit-packed hybrid, UTF-8 and the Thrift compact protocol, each on its own. */
class ParquetCodecPartsTest {

    private static byte[] snappyRoundTrip(byte[] input) throws CorruptData {
        ByteSink out = new ByteSink(16);
        new Snappy().compress(input, 0, input.length, out);
        byte[] back = new byte[input.length];
        assertEquals(input.length, Snappy.decompress(out.array(), 0, out.size(), back));
        assertArrayEquals(input, back);
        return out.toByteArray();
    }

    @Test
    void snappyRoundTripsRandomRepetitiveAndMultiBlockInput() throws CorruptData {
        Random rng = new Random(1);
        for (int n : new int[] {0, 1, 4, 14, 15, 16, 100, 65_535, 65_536, 65_537, 300_000}) {
            byte[] random = new byte[n];
            rng.nextBytes(random);
            snappyRoundTrip(random);
            byte[] runs = new byte[n];
            for (int i = 0; i < n; i++) {
                runs[i] = (byte) ((i / 100) % 7);
            }
            byte[] c = snappyRoundTrip(runs);
            if (n >= 65_536) {
                assertTrue(c.length < n / 20, "runs compress well: " + c.length + " of " + n);
            }
            byte[] text = new byte[n];
            byte[] words = "pick up the red cube and place it in the bin ".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < n; i++) {
                text[i] = words[(i * 7 / 5 + i / 333) % words.length];
            }
            snappyRoundTrip(text);
        }
    }

    @Test
    void snappyDecodesEveryElementKind() throws CorruptData {
        // length 14; literal "ab"; copy-1 of 6 at offset 2; copy-4 of 4 at offset 8; literal "!" ; copy-2 of 1
        byte[] stream = {14, 0x04, 'a', 'b', 0x09, 0x02, 0x0F, 8, 0, 0, 0, 0x00, '!', 0x02, 0x01, 0x00};
        byte[] out = new byte[14];
        assertEquals(14, Snappy.decompress(stream, 0, stream.length, out));
        assertEquals("abababababab!!", new String(out, StandardCharsets.US_ASCII));
        byte[] bad = {10, 0x09, 0x02};
        assertThrows(CorruptData.class, () -> Snappy.decompress(bad, 0, bad.length, new byte[10]));
    }

    @Test
    void rleHybridRoundTripsAndUsesRunsForRepeats() throws CorruptData {
        Random rng = new Random(2);
        for (int width = 0; width <= 20; width += 1) {
            for (int n : new int[] {0, 1, 7, 8, 9, 100, 1001}) {
                int[] v = new int[n];
                for (int i = 0; i < n; i++) {
                    v[i] = width == 0 ? 0 : rng.nextInt(4) == 0 ? rng.nextInt(1 << width) : (i / 17) % (1 << width);
                }
                ByteSink out = new ByteSink(16);
                RleBitPackedHybrid.encode(v, n, width, out);
                int[] back = new int[n];
                assertEquals(out.size(), RleBitPackedHybrid.decode(out.array(), 0, out.size(), width, back, n));
                assertArrayEquals(v, back, "width " + width + ", " + n + " values");
            }
        }
        int[] ones = new int[1000];
        Arrays.fill(ones, 1);
        ByteSink out = new ByteSink(16);
        RleBitPackedHybrid.encode(ones, ones.length, 1, out);
        assertArrayEquals(new byte[] {(byte) 0xD0, 0x0F, 1}, out.toByteArray(), "one RLE run of 1000 ones");
    }

    @Test
    void utf8EncodesLikeTheJdkAndValidatesStrictly() {
        for (String s : new String[] {"", "abc", "é", "日本語", "🤖 robot", "\u0000", "lone \uD800 surrogate"}) {
            ByteSink out = new ByteSink(4);
            Utf8.encode(s, out);
            assertArrayEquals(s.getBytes(StandardCharsets.UTF_8), out.toByteArray(), s);
            assertTrue(Utf8.isValid(out.array(), 0, out.size()), s);
        }
        assertFalse(Utf8.isValid(new byte[] {(byte) 0xC0, (byte) 0x80}, 0, 2), "overlong NUL");
        assertFalse(Utf8.isValid(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, 0, 3), "surrogate");
        assertFalse(Utf8.isValid(new byte[] {(byte) 0xE6, (byte) 0x97}, 0, 2), "truncated");
        assertFalse(Utf8.isValid(new byte[] {(byte) 0xFF}, 0, 1));
    }

    @Test
    void thriftCompactRoundTripsAndSkipsUnknownFields() throws CorruptData {
        ByteSink sink = new ByteSink(16);
        ThriftCompactWriter w = new ThriftCompactWriter(sink);
        w.i32(1, -5);
        w.beginStruct(2);
        w.i64(1, Long.MIN_VALUE);
        w.bool(30, true); // a long delta: id written as a varint
        w.endStruct();
        w.beginList(3, ThriftCompactWriter.I32, 20);
        for (int i = 0; i < 20; i++) {
            w.i32Element(i - 10);
        }
        w.string(4, "ok");
        w.end();
        ThriftCompactReader r = new ThriftCompactReader(sink.array(), 0, sink.size());
        r.beginStruct();
        assertEquals(1, r.nextField());
        assertEquals(-5, r.i32());
        assertEquals(2, r.nextField());
        r.skipField();
        assertEquals(3, r.nextField());
        assertEquals(20, r.beginList());
        for (int i = 0; i < 20; i++) {
            assertEquals(i - 10, r.i32());
        }
        assertEquals(4, r.nextField());
        assertEquals("ok", r.string());
        assertEquals(0, r.nextField());
        assertEquals(sink.size(), r.position());
    }
}
