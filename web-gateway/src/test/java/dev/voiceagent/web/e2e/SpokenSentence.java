package dev.voiceagent.web.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real spoken sentence, synthesised with espeak-ng and converted with sox, as a WAV file and as raw PCM16. */
final class SpokenSentence {

    static final String TEXT = "I would like to book a hotel in Paris for two nights.";
    private static final Path DIR = Path.of("target", "spoken");

    private SpokenSentence() {
    }

    /** The sentence as a WAV file (what a fake microphone plays). */
    static synchronized Path wav() {
        Path wav = DIR.resolve("sentence.wav");
        if (!Files.exists(wav)) {
            run(List.of("espeak-ng", "-s", "150", "-w", wav.toString(), TEXT));
        }
        return wav.toAbsolutePath();
    }

    /** The sentence as raw PCM16 little-endian mono at 24 kHz (what the widget sends). */
    static synchronized Path pcm16At24kHz() {
        Path raw = DIR.resolve("sentence-24k.raw");
        if (!Files.exists(raw)) {
            run(List.of("sox", wav().toString(), "-r", "24000", "-c", "1", "-b", "16", "-e", "signed-integer",
                    "-L", "-t", "raw", raw.toString()));
        }
        return raw.toAbsolutePath();
    }

    private static void run(List<String> command) {
        try {
            Files.createDirectories(DIR);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("failed: " + command);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
