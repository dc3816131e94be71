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

    /**
     * The sentence followed by {@code pauseMs} of silence, as a WAV file: a fake microphone loops its file, and the
     * pause lets each repetition end a turn.
     */
    static synchronized Path wavWithPause(int pauseMs) {
        Path wav = DIR.resolve("sentence-24k-pause-" + pauseMs + ".wav");
        if (!Files.exists(wav)) {
            byte[] speech = dataChunk(fixture());
            byte[] data = Arrays.copyOf(speech, speech.length + pauseMs * 48);
            write(wav, wavOf(data));
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

    /** A canonical 44-byte RIFF header for PCM16 mono at 24 kHz, then the samples. */
    private static byte[] wavOf(byte[] pcm16) {
        ByteBuffer wav = ByteBuffer.allocate(44 + pcm16.length).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + pcm16.length)
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(24_000).putInt(48_000).putShort((short) 2)
                .putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(pcm16.length).put(pcm16);
        return wav.array();
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
