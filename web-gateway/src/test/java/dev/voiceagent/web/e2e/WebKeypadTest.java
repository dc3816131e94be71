package dev.voiceagent.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.voiceagent.testsupport.openai.FakeRealtimeSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * The widget's keypad: a {@code DTMF} key reaches the model as the core tells it a phone's key (a system note), and
 * a malformed or early key is answered with {@code ERROR}, never passed on.
 */
@QuarkusTest
@QuarkusTestResource(VoiceSystemResource.class)
class WebKeypadTest {

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void aKeyReachesTheModelAndBadKeysAreRefused() {
        int before = VoiceSystemResource.openAi().sessions().size();
        try (WidgetClient widget = WidgetClient.connect(gateway, "websocket")) {
            widget.send("DTMF", new JSONObject().put("digit", "1"));
            assertThat(reason(widget.await("ERROR"))).isEqualTo("DTMF needs an active session");

            widget.sendWithoutData("SESSION_START");
            widget.await("SESSION_START_SUCCESS");
            FakeRealtimeSession upstream = VoiceSystemResource.openAi().session(before);
            widget.send("DTMF", new JSONObject().put("digit", "12"));
            widget.send("DTMF", new JSONObject().put("digit", "x"));
            widget.send("DTMF", "5");
            await().atMost(Duration.ofSeconds(5)).until(() -> widget.received("ERROR").size() == 4);
            assertThat(widget.received("ERROR").subList(1, 4)).extracting(WebKeypadTest::reason)
                    .containsOnly("DTMF needs {digit}: one of 0-9, * and #");

            widget.send("DTMF", new JSONObject().put("digit", "#"));
            await().atMost(Duration.ofSeconds(10)).until(() -> upstream.createdItems().stream()
                    .anyMatch(item -> item.path("content").path(0).path("text").asText()
                            .contains("pressed the key # on their phone keypad")));
            assertThat(upstream.createdItems()).noneMatch(item -> item.toString().matches(".*pressed the key [12x5].*"));
            assertThat(upstream.violations()).isEmpty();
        }
    }

    private static String reason(WidgetClient.Received received) {
        return ((JSONObject) received.data()).getString("reason");
    }
}
