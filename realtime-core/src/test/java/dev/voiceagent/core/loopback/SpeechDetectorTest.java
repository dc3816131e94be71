package dev.voiceagent.core.loopback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voiceagent.session.AudioCodec;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpeechDetectorTest {

    private final List<String> events = new ArrayList<>();
    private final List<byte[]> utterances = new ArrayList<>();
    private final SpeechDetector detector = new SpeechDetector(AudioCodec.PCMU, -40, 60, 500, 300, 15_000,
            new SpeechDetector.Listener() {
                @Override
                public void onSpeechStarted(long audioStartMs) {
                    events.add("started@" + audioStartMs);
                }

                @Override
                public void onSpeechStopped(long audioEndMs, byte[] utterance) {
                    events.add("stopped@" + audioEndMs);
                    utterances.add(utterance);
                }
            });

    /** Mu-law audio of {@code ms} milliseconds: a tone at about -15 dBFS, or digital silence. */
    static byte[] audio(int ms, boolean loud) {
        byte[] audio = new byte[ms * 8];
        for (int i = 0; i < audio.length; i++) {
            audio[i] = loud ? Samples.linearToMuLaw((int) (8000 * Math.sin(2 * Math.PI * 300 * i / 8000.0))) : (byte) 0xff;
        }
        return audio;
    }

    @Test
    void aTurnStartsAfterMinimumSpeechAndEndsAfterTheSilenceDuration() {
        ByteArrayOutputStream call = new ByteArrayOutputStream();
        call.writeBytes(audio(200, false));
        call.writeBytes(audio(600, true));
        call.writeBytes(audio(700, false));
        byte[] all = call.toByteArray();
        // in odd-sized pieces, as networks deliver them
        for (int offset = 0; offset < all.length; offset += 97) {
            detector.accept(Arrays.copyOfRange(all, offset, Math.min(all.length, offset + 97)));
        }

        assertThat(events).containsExactly("started@200", "stopped@800");
        assertThat(utterances.get(0)).as("prefix padding and the speech, without the trailing silence")
                .isEqualTo(Arrays.copyOfRange(all, 0, 800 * 8));
    }

    @Test
    void clicksShorterThanTheMinimumSpeechDoNotStartATurn() {
        for (int i = 0; i < 10; i++) {
            detector.accept(audio(40, true));
            detector.accept(audio(100, false));
        }
        assertThat(events).isEmpty();
    }

    @Test
    void quietLineNoiseIsNotSpeech() {
        byte[] noise = new byte[8000];
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = Samples.linearToMuLaw(random.nextInt(60) - 30); // about -60 dBFS
        }
        detector.accept(noise);
        assertThat(events).isEmpty();
    }

    @Test
    void muLawRoundTripsWithinItsQuantisation() {
        for (int sample = -32000; sample <= 32000; sample += 250) {
            int decoded = Samples.muLawToLinear(Samples.linearToMuLaw(sample));
            assertThat(Math.abs(decoded - sample)).as("sample %d", sample).isLessThanOrEqualTo(Math.abs(sample) / 16 + 8);
        }
    }
}
