package dev.voiceagent.core.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.io.IOException;

/**
 * Whatever the model's socket carries, the parser either reads a typed event or refuses the text with an IOException
 * worded in one line (the connection logs it as a malformed event and goes on); nothing else may escape to the socket
 * handler, whose conversation would otherwise be left in an unknown state.
 */
class ServerEventParserFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void anyTextIsAnEventOrRefused(@NotNull String text) {
        ModelEvent event;
        try {
            event = ServerEventParser.parse(text);
        } catch (IOException refused) {
            assertThat(refused.getMessage()).doesNotContain("\n", "\r");
            return;
        }
        assertThat(event).isNotNull();
        if (event instanceof ModelEvent.ResponseDone done) {
            assertThat(done.response()).as("the response object, or a missing node").isNotNull();
        }
    }
}
