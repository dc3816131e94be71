package dev.voiceagent.core.loopback;

import dev.voiceagent.session.AudioCodec;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Energy-based voice activity detection over 20 ms windows, in audio time (not wall time), like the API's
 * {@code server_vad}: a turn starts after {@code minSpeechMs} of loud windows and ends after {@code silenceMs} of
 * quiet ones. It keeps the utterance (with {@code prefixPaddingMs} of audio from before it started) for the echo.
 */
final class SpeechDetector {

    static final int WINDOW_MS = 20;

    interface Listener {
        void onSpeechStarted(long audioStartMs);

        /** @param utterance the raw audio of the turn, without its trailing silence */
        void onSpeechStopped(long audioEndMs, byte[] utterance);
    }

    private final AudioCodec codec;
    private final double thresholdSquare;
    private final int windowBytes;
    private final int startWindows;
    private final int stopWindows;
    private final int prefixWindows;
    private final int maxUtteranceBytes;
    private final Listener listener;
    /** Recent quiet or not-yet-speech windows, kept as the padding before a turn. */
    private final ArrayDeque<byte[]> recent = new ArrayDeque<>();
    private final ByteArrayOutputStream utterance = new ByteArrayOutputStream();
    private final byte[] window;
    private int windowFill;
    private long windowsSeen;
    private int loudRun;
    private int quietRun;
    private int utteranceVoicedBytes;
    private boolean speaking;

    SpeechDetector(AudioCodec codec, double thresholdDbfs, int minSpeechMs, int silenceMs, int prefixPaddingMs,
            int maxUtteranceMs, Listener listener) {
        this.codec = codec;
        double threshold = 32768 * Math.pow(10, thresholdDbfs / 20);
        this.thresholdSquare = threshold * threshold;
        this.windowBytes = codec.sampleRate() / 1000 * WINDOW_MS * codec.bytesPerSample();
        this.startWindows = Math.max(1, minSpeechMs / WINDOW_MS);
        this.stopWindows = Math.max(1, silenceMs / WINDOW_MS);
        this.prefixWindows = prefixPaddingMs / WINDOW_MS + startWindows;
        this.maxUtteranceBytes = (int) (maxUtteranceMs / WINDOW_MS) * windowBytes;
        this.listener = listener;
        this.window = new byte[windowBytes];
    }

    void accept(byte[] audio) {
        int offset = 0;
        while (offset < audio.length) {
            int n = Math.min(audio.length - offset, windowBytes - windowFill);
            System.arraycopy(audio, offset, window, windowFill, n);
            windowFill += n;
            offset += n;
            if (windowFill == windowBytes) {
                onWindow();
                windowFill = 0;
            }
        }
    }

    private void onWindow() {
        windowsSeen++;
        boolean loud = meanSquare() > thresholdSquare;
        if (speaking) {
            append(window);
            quietRun = loud ? 0 : quietRun + 1;
            if (loud) {
                utteranceVoicedBytes = utterance.size();
            }
            if (quietRun >= stopWindows) {
                speaking = false;
                byte[] spoken = Arrays.copyOf(utterance.toByteArray(), utteranceVoicedBytes);
                utterance.reset();
                listener.onSpeechStopped(msAt(windowsSeen - quietRun), spoken);
            }
            return;
        }
        recent.addLast(window.clone());
        if (recent.size() > prefixWindows) {
            recent.removeFirst();
        }
        loudRun = loud ? loudRun + 1 : 0;
        if (loudRun >= startWindows) {
            speaking = true;
            quietRun = 0;
            loudRun = 0;
            recent.forEach(this::append);
            recent.clear();
            utteranceVoicedBytes = utterance.size();
            listener.onSpeechStarted(msAt(windowsSeen - startWindows));
        }
    }

    private void append(byte[] audio) {
        if (utterance.size() + audio.length <= maxUtteranceBytes) {
            utterance.write(audio, 0, audio.length);
        }
    }

    private double meanSquare() {
        int samples = windowBytes / codec.bytesPerSample();
        double sum = 0;
        for (int i = 0; i < samples; i++) {
            int sample = Samples.read(codec, window, i);
            sum += (double) sample * sample;
        }
        return sum / samples;
    }

    private static long msAt(long windows) {
        return windows * WINDOW_MS;
    }
}
