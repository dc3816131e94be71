package dev.voiceagent.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendingAudioTest {

    @Test
    void holdsFramesInOrderUpToItsLimitAndCountsTheRest() {
        PendingAudio pending = new PendingAudio(10);
        assertThat(pending.offer(Buffer.buffer("aaaa"))).isTrue();
        assertThat(pending.offer(Buffer.buffer("bbbb"))).isTrue();
        assertThat(pending.offer(Buffer.buffer("cccc"))).isFalse();
        assertThat(pending.bytes()).isEqualTo(8);
        assertThat(pending.droppedBytes()).isEqualTo(4);

        List<String> sent = new ArrayList<>();
        pending.drainTo(frame -> sent.add(frame.toString()));
        assertThat(sent).containsExactly("aaaa", "bbbb");
        assertThat(pending.isEmpty()).isTrue();
        assertThat(pending.offer(Buffer.buffer("dddddddddd"))).isTrue();
    }
}
