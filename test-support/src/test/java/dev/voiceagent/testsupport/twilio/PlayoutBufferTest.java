package dev.voiceagent.testsupport.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulator plays and acknowledges like Twilio: a mark only once the audio before it has played. */
class PlayoutBufferTest {

    private final PlayoutBuffer buffer = new PlayoutBuffer();

    @Test
    void echoesAMarkOnlyAfterTheAudioBeforeItPlayed() {
        buffer.enqueue(new byte[400]);
        buffer.mark("a");
        buffer.enqueue(new byte[160]);
        buffer.mark("b");
        assertThat(buffer.play(160)).isEmpty();
        assertThat(buffer.play(160)).isEmpty();
        assertThat(buffer.play(160)).containsExactly("a");
        assertThat(buffer.play(160)).containsExactly("b");
        assertThat(buffer.playedMs()).isEqualTo(70);
    }

    @Test
    void clearDropsQueuedAudioAndReturnsPendingMarksAtOnce() {
        buffer.enqueue(new byte[800]);
        buffer.mark("a");
        buffer.play(160);
        List<String> echoed = new ArrayList<>();
        assertThat(buffer.clear(echoed)).isEqualTo(80);
        assertThat(echoed).containsExactly("a");
        assertThat(buffer.play(160)).isEmpty();
        assertThat(buffer.playedMs()).isEqualTo(20);
    }

    @Test
    void playsInOrderAcrossChunks() {
        buffer.enqueue(new byte[] {1, 2, 3});
        buffer.enqueue(new byte[] {4, 5});
        buffer.play(4);
        assertThat(buffer.played()).containsExactly(1, 2, 3, 4);
    }
}
