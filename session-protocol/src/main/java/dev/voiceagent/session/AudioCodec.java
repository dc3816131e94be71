package dev.voiceagent.session;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Audio encodings a conversation can use end to end. Each maps one to one onto an OpenAI Realtime audio format,
 * so the core never transcodes.
 */
public enum AudioCodec {
    /** G.711 mu-law, 8 kHz mono: what Twilio Media Streams carry. */
    @JsonProperty("pcmu")
    PCMU(8000, 1),
    /** Linear PCM, 16-bit little-endian, 24 kHz mono: what the web widget carries. */
    @JsonProperty("pcm16")
    PCM16(24000, 2);

    private final int sampleRate;
    private final int bytesPerSample;

    AudioCodec(int sampleRate, int bytesPerSample) {
        this.sampleRate = sampleRate;
        this.bytesPerSample = bytesPerSample;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int bytesPerSample() {
        return bytesPerSample;
    }

    /** Playback duration of {@code bytes} of raw audio, in milliseconds (rounded down). */
    public long millisOf(long bytes) {
        return bytes * 1000 / ((long) sampleRate * bytesPerSample);
    }

    /** Playback duration of audio given as base64 text, measured without decoding it. */
    public long millisOfBase64(CharSequence base64) {
        return millisOf(Base64Audio.decodedLength(base64));
    }

    /** Playback duration of audio given as base64 text in ASCII bytes, measured without decoding it. */
    public long millisOfBase64(io.vertx.core.buffer.Buffer base64) {
        return millisOf(Base64Audio.decodedLength(base64));
    }
}
