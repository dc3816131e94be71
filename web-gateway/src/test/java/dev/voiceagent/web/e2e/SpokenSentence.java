package dev.voiceagent.web.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A real spoken sentence (espeak-ng, converted with sox; see src/test/resources/speech/README.md), committed as a
 * fixture, as a WAV file and as raw PCM16.
 */
final class SpokenSentence {

    static final String TEXT = "I would like to book a hotel in Paris for two nights.";
    private static final String RESOURCE = "/speech/sentence-24k.wav";
    private static final Path DIR = Path.of("target", "spoken");

    private SpokenSentence() {
    }

    /** The sentence as a WAV file (what a fake microphone plays). */
    static synchronized Path wav() {
        Path wav = DIR.resolve("sentence-24k.wav");
        if (!Files.exists(wav)) {
            write(wav, fixture());
        }
        return wav.toAbsolutePath();
    }

    /** The sentence as raw PCM16 little-endian mono at 24 kHz (what the widget sends): the WAV's data chunk. */
    static synchronized Path pcm16At24kHz() {
        Path raw = DIR.resolve("sentence-24k.raw");
        if (!Files.exists(raw)) {
            write(raw, dataChunk(fixture()));
        }
        return raw.toAbsolutePath();
    }

    private static byte[] fixture() {
        try (InputStream in = SpokenSentence.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RIFF chunks after the 12-byte header: id (4 bytes), size (u32 little-endian), body (padded to even). */
    private static byte[] dataChunk(byte[] wav) {
        ByteBuffer buffer = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        int offset = 12;
        while (offset + 8 <= wav.length) {
            String id = new String(wav, offset, 4, StandardCharsets.US_ASCII);
            int size = buffer.getInt(offset + 4);
            if (id.equals("data")) {
                return Arrays.copyOfRange(wav, offset + 8, offset + 8 + size);
            }
            offset += 8 + size + (size & 1);
        }
        throw new IllegalStateException("no data chunk in " + RESOURCE);
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
