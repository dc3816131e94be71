package dev.voiceagent.core.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesUpToTheCapAndStartsOverAfterASuccess() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
        assertThat(LongStream.generate(backoff::next).limit(8).toArray())
                .containsExactly(1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000);
        backoff.reset();
        assertThat(backoff.next()).isEqualTo(1000);
    }
}
