package io.ccatrace.trace.arrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.util.MemoryUtil;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Lz4FramesTest {
    /** 40 zeros, bytes 1..29, 300 zeros, 20 sevens, "ccatrace lz4 fixture", 17 zeros (426 bytes). */
    private static byte[] fixture() {
        ByteBuffer b = ByteBuffer.allocate(426);
        b.position(40);
        for (int i = 1; i < 30; i++) b.put((byte) i);
        b.position(b.position() + 300);
        for (int i = 0; i < 20; i++) b.put((byte) 7);
        b.put("ccatrace lz4 fixture".getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    /** The fixture compressed by the reference lz4 command line (lz4 -1; with --content-size for the second). */
    private static final String CLI = "04224d186440a74e0000001f00010014ff0e0102030405060708090a0b0c0d0e0f101112131415161718191a1b"
            + "1c1d4400140f0200f21f07010000f8056363617472616365206c7a3420666978747572652d01500000000000000000001ef987d3";
    private static final String CLI_SIZED = "04224d186c40aa01000000000000c64e0000001f00010014ff0e0102030405060708090a0b0c0d0e0f10111213"
            + "1415161718191a1b1c1d4400140f0200f21f07010000f8056363617472616365206c7a3420666978747572652d01500000000000000000001ef987d3";

    private static ByteBuffer le(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] decode(byte[] frame, int size) {
        ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        Lz4Frames.decode(le(frame), 0, frame.length, out, size);
        return out.array();
    }

    /** Encodes through off-heap copies, as the codec does with Arrow buffers (bytes past the bound must stay untouched). */
    private static byte[] encode(byte[] raw) {
        ByteBuffer src = ByteBuffer.allocateDirect(Math.max(raw.length, 1));
        src.put(0, raw);
        int bound = (int) Lz4Frames.bound(raw.length);
        ByteBuffer dst = ByteBuffer.allocateDirect(bound + 64);
        for (int i = 0; i < dst.capacity(); i++) dst.put(i, (byte) 0x5A);
        int len = Lz4Frames.encode(MemoryUtil.getByteBufferAddress(src), raw.length, MemoryUtil.getByteBufferAddress(dst));
        assertTrue(len <= bound, "frame of " + len + " bytes over the bound " + bound);
        for (int i = bound; i < dst.capacity(); i++) assertEquals((byte) 0x5A, dst.get(i), "written past the bound at " + i);
        byte[] f = new byte[len];
        dst.get(0, f);
        return f;
    }

    @Test
    void xxh32MatchesThePublishedValues() {
        // XXH32 reference values (xxHash's documentation and test vectors, seed 0)
        assertEquals(0x02CC5D05, Xxh32.hash(le(new byte[0]), 0, 0));
        assertEquals(0x32D153FF, Xxh32.hash(le("abc".getBytes(StandardCharsets.US_ASCII)), 0, 3));
        // the header checksum byte of the common frame header 04 22 4D 18 | 64 40 | A7
        assertEquals((byte) 0xA7, Lz4Frames.headerChecksum(le(new byte[] {0x64, 0x40}), 0, 2));
    }

    @Test
    void decodesFramesOfTheReferenceCompressor() {
        byte[] raw = fixture();
        assertArrayEquals(raw, decode(HexFormat.of().parseHex(CLI), raw.length));
        assertArrayEquals(raw, decode(HexFormat.of().parseHex(CLI_SIZED), raw.length));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> decode(HexFormat.of().parseHex(CLI_SIZED), raw.length + 1));
        assertTrue(e.getMessage().contains("declares 426 bytes"), e.getMessage());
    }

    @Test
    void roundTripsSparseDenseAndEdgeBuffers() {
        Random r = new Random(42);
        int[] sizes = {0, 1, 7, 8, 12, 13, 16, 17, 63, 64, 65, 255, 256, 1000, 4096, 65536, 70001};
        double[] density = {0, 0.01, 0.1, 0.5, 0.9, 1};
        for (int n : sizes) {
            for (double d : density) {
                byte[] raw = new byte[n];
                for (int i = 0; i < n; i++) {
                    if (r.nextDouble() < d) raw[i] = (byte) (1 + r.nextInt(255));
                }
                assertArrayEquals(raw, decode(encode(raw), n), "n=" + n + " density=" + d);
                // sparse 8-byte slots, as a mostly-null int64 column
                byte[] slots = new byte[n];
                for (int i = 0; i + 8 <= n; i += 8) {
                    if (r.nextDouble() < d) slots[i + r.nextInt(8)] = (byte) (1 + r.nextInt(255));
                }
                assertArrayEquals(slots, decode(encode(slots), n), "slots n=" + n + " density=" + d);
            }
        }
    }

    @Test
    void zeroRunsShrinkAndLongBuffersSplitIntoBlocks() {
        byte[] zeros = new byte[65536];
        assertTrue(encode(zeros).length < 300, "64 KiB of zeros took " + encode(zeros).length + " bytes");
        byte[] big = new byte[(4 << 20) + 1234];
        for (int i = 0; i < big.length; i += 4099) big[i] = 9;
        assertArrayEquals(big, decode(encode(big), big.length));
    }

    @Test
    void corruptFramesFailWithAReason() {
        byte[] raw = fixture();
        byte[] f = encode(raw);
        byte[] badMagic = f.clone();
        badMagic[0] = 0;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> decode(badMagic, raw.length)).getMessage().contains("not an LZ4 frame"));
        byte[] badHeader = f.clone();
        badHeader[6] ^= 1;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> decode(badHeader, raw.length)).getMessage().contains("checksum"));
        for (int cut = 0; cut < f.length; cut++) {
            byte[] t = java.util.Arrays.copyOf(f, cut);
            assertThrows(IllegalArgumentException.class, () -> decode(t, raw.length), "cut at " + cut);
        }
        Random r = new Random(7);
        for (int k = 0; k < 2000; k++) { // flipped bytes: a clean failure or some output, never an out-of-bounds access
            byte[] g = f.clone();
            g[7 + r.nextInt(g.length - 7)] ^= (byte) (1 + r.nextInt(255));
            try {
                decode(g, raw.length);
            } catch (IllegalArgumentException expected) {
                // fine
            }
        }
    }

    @Test
    void noFrameDecodesToMoreThanItsBound() {
        byte[] zeros = new byte[1 << 20];
        assertTrue(zeros.length <= Lz4Frames.maxDecoded(encode(zeros).length), "1 MiB of zeros in " + encode(zeros).length + " bytes");
    }

    @Test
    void theReferenceDecompressorReadsOurFrames(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(onPath("lz4"), "the lz4 command line is not installed");
        byte[] raw = new byte[100_000];
        Random r = new Random(3);
        for (int i = 0; i < raw.length; i += 8) {
            if (r.nextInt(5) == 0) raw[i + r.nextInt(8)] = (byte) r.nextInt();
        }
        Path in = dir.resolve("ours.lz4");
        Path out = dir.resolve("ours.bin");
        Files.write(in, encode(raw));
        Process p = new ProcessBuilder("lz4", "-d", "-f", "-q", in.toString(), out.toString()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertArrayEquals(raw, Files.readAllBytes(out));
    }

    private static boolean onPath(String cmd) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, cmd))) return true;
        }
        return false;
    }
}
