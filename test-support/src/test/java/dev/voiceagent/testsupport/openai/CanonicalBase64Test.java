package dev.voiceagent.testsupport.openai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The fake refuses what OpenAI refuses in {@code input_audio_buffer.append}: anything but padded standard base64. */
class CanonicalBase64Test {

    @Test
    void acceptsPaddedStandardBase64() {
        assertThat(FakeRealtimeSession.isCanonicalBase64("//7+/v7+")).isTrue();
        assertThat(FakeRealtimeSession.isCanonicalBase64("AAE=")).isTrue();
        assertThat(FakeRealtimeSession.isCanonicalBase64("AA==")).isTrue();
    }

    @Test
    void refusesEverythingElse() {
        assertThat(FakeRealtimeSession.isCanonicalBase64("AAA")).as("unpadded").isFalse();
        assertThat(FakeRealtimeSession.isCanonicalBase64("A===")).as("three pads").isFalse();
        assertThat(FakeRealtimeSession.isCanonicalBase64("====")).isFalse();
        assertThat(FakeRealtimeSession.isCanonicalBase64("AA-_")).as("URL alphabet").isFalse();
        assertThat(FakeRealtimeSession.isCanonicalBase64("A=AA")).as("padding inside").isFalse();
        assertThat(FakeRealtimeSession.isCanonicalBase64("AA é")).isFalse();
    }
}
