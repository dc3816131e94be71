package dev.voiceagent.web.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Pcm16ResamplerTest {

    @Test
    void twentyFourKilohertzPassesThroughUntouched() {
        byte[] audio = tone(440, 24_000, 0.1);
        assertThat(new Pcm16Resampler(24_000).process(audio)).isEqualTo(audio);
    }

    @ParameterizedTest
    @ValueSource(ints = {16_000, 48_000})
    void chunkEdgesLeaveNoTrace(int rate) {
        byte[] audio = tone(440, rate, 1.0);
        byte[] whole = new Pcm16Resampler(rate).process(audio);
        Pcm16Resampler chunked = new Pcm16Resampler(rate);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        int[] odd = {1, 7, 333, 960, 1023, 4096};
        int offset = 0;
        for (int i = 0; offset < audio.length; i++) {
            int length = Math.min(odd[i % odd.length], audio.length - offset);
            byte[] chunk = new byte[length];
            System.arraycopy(audio, offset, chunk, 0, length);
            joined.writeBytes(chunked.process(chunk));
            offset += length;
        }
        assertThat(joined.toByteArray()).isEqualTo(whole);
    }

    @ParameterizedTest
    @ValueSource(ints = {16_000, 48_000})
    void aToneKeepsItsPitchLoudnessAndDuration(int rate) {
        byte[] out = new Pcm16Resampler(rate).process(tone(1000, rate, 1.0));
        short[] samples = samples(out);
        assertThat(samples.length).isBetween(23_990, 24_010);
        // Skip the filter's start-up, then count rising zero crossings over a known span.
        int crossings = 0;
        for (int i = 1_000; i < 13_000; i++) {
            if (samples[i - 1] < 0 && samples[i] >= 0) {
                crossings++;
            }
        }
        assertThat(crossings).isBetween(499, 501);
        assertThat(rms(samples, 1_000, 23_000)).isBetween(0.68 * 10_000, 0.74 * 10_000);
    }

    @Test
    void fromFortyEightKilohertzToneAboveTheNewNyquistIsFilteredOut() {
        short[] samples = samples(new Pcm16Resampler(48_000).process(tone(15_000, 48_000, 1.0)));
        assertThat(rms(samples, 1_000, 23_000)).as("15 kHz cannot exist at 24 kHz; it must not alias").isLessThan(70);
    }

    @Test
    void refusesRatesItCannotConvert() {
        assertThatThrownBy(() -> new Pcm16Resampler(44_100)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("44100");
    }

    private static byte[] tone(double hertz, int rate, double seconds) {
        int count = (int) (rate * seconds);
        byte[] audio = new byte[count * 2];
        for (int i = 0; i < count; i++) {
            short sample = (short) Math.round(10_000 * Math.sin(2 * Math.PI * hertz * i / rate));
            audio[2 * i] = (byte) sample;
            audio[2 * i + 1] = (byte) (sample >> 8);
        }
        return audio;
    }

    private static short[] samples(byte[] pcm16) {
        short[] samples = new short[pcm16.length / 2];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) ((pcm16[2 * i + 1] << 8) | (pcm16[2 * i] & 0xff));
        }
        return samples;
    }

    private static double rms(short[] samples, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) samples[i] * samples[i];
        }
        return Math.sqrt(sum / (to - from));
    }
}
