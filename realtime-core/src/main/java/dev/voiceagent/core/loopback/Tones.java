package dev.voiceagent.core.loopback;

import dev.voiceagent.session.AudioCodec;

/** The short two-note tone the loopback plays where a model would speak words it cannot say. */
final class Tones {

    private static final int NOTE_MS = 120;
    private static final double[] NOTES_HZ = {660, 880};
    private static final int AMPLITUDE = 6000;

    private Tones() {
    }

    static byte[] beep(AudioCodec codec) {
        int samplesPerNote = codec.sampleRate() * NOTE_MS / 1000;
        byte[] audio = new byte[samplesPerNote * NOTES_HZ.length * codec.bytesPerSample()];
        for (int note = 0; note < NOTES_HZ.length; note++) {
            for (int i = 0; i < samplesPerNote; i++) {
                double fade = Math.min(1, Math.min(i, samplesPerNote - i) / (samplesPerNote * 0.1));
                int sample = (int) (AMPLITUDE * fade * Math.sin(2 * Math.PI * NOTES_HZ[note] * i / codec.sampleRate()));
                Samples.write(codec, audio, note * samplesPerNote + i, sample);
            }
        }
        return audio;
    }
}
