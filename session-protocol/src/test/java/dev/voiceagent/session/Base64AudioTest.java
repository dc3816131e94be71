package dev.voiceagent.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class Base64AudioTest {

    @Test
    void measuresAudioWithoutDecodingIt() {
        for (int bytes = 1; bytes <= 7; bytes++) {
            String text = Base64.getEncoder().encodeToString(new byte[bytes]);
            assertThat(Base64Audio.decodedLength(text)).isEqualTo(bytes);
            assertThat(Base64Audio.decodedLength(Buffer.buffer(text))).isEqualTo(bytes);
        }
    }

    @Test
    void twentyMillisecondsOfTwilioAudio() {
        String frame = Base64.getEncoder().encodeToString(new byte[160]);
        assertThat(AudioCodec.PCMU.millisOfBase64(frame)).isEqualTo(20);
        assertThat(AudioCodec.PCM16.millisOfBase64(Buffer.buffer(Base64.getEncoder().encodeToString(new byte[960]))))
                .isEqualTo(20);
    }

    @Test
    void acceptsCanonicalBase64Only() {
        assertThat(Base64Audio.isValid("//7+/v7+")).isTrue();
        assertThat(Base64Audio.isValid("AA==")).isTrue();
        assertThat(Base64Audio.isValid("AAE=")).isTrue();
        assertThat(Base64Audio.isValid("")).isFalse();
        assertThat(Base64Audio.isValid("AAA")).isFalse();
        assertThat(Base64Audio.isValid("A===")).isFalse();
        assertThat(Base64Audio.isValid("AA-_")).isFalse();
        assertThat(Base64Audio.isValid("AA é")).isFalse();
        assertThat(Base64Audio.isValid("not base64!")).isFalse();
    }

    @Test
    void holdsTheTextAsOneByteACharacter() {
        Buffer buffer = Base64Audio.toBuffer("//7+/v7+AA==");
        assertThat(buffer.getBytes()).containsExactly('/', '/', '7', '+', '/', 'v', '7', '+', 'A', 'A', '=', '=');
        assertThat(Base64Audio.decodedLength(buffer)).isEqualTo(7);
    }
}
