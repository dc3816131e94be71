package dev.voiceagent.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The widget embedded by a site on another origin ({@link ShopSite}) with one script tag from the gateway, talking
 * to the loopback core in headless Chromium with a fake microphone: the states shown in order, the microphone level
 * moving, the keypad's key 1 handing the visitor to the hotel desk, the visitor's speech played back, no debug text,
 * and nothing leaked into the shop's page (no global but VoiceWidget, no element id, no style either way).
 */
@QuarkusTest
@TestProfile(EmbeddedWidgetTest.ShopOnAnotherOrigin.class)
class EmbeddedWidgetTest {

    public static class ShopOnAnotherOrigin implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(VoiceSystemResource.class, Map.of("provider", "loopback")),
                    new TestResourceEntry(ShopSite.class));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void aSiteOnAnotherOriginEmbedsTheWidgetWithOneScriptTag() throws Exception {
        Path screenshot = Path.of("target", "embedded-widget-screenshot.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        // Pauses in the looped sentence end the visitor's turns, so the loopback plays them back.
        Path microphone = SpokenSentence.wavWithPause(2500);
        try (NodeScript browser = NodeScript.start("embed.mjs", ShopSite.page(gateway).toString(),
                microphone.toString(), screenshot.toString())) {
            JsonNode mounted = browser.await("mounted", Duration.ofSeconds(30));
            assertThat(texts(mounted.path("addedGlobals"))).containsExactly("VoiceWidget");
            assertThat(texts(mounted.path("documentIds"))).containsExactly(ShopSite.PAGE_IDS);
            assertThat(mounted.path("widgetIds").asInt()).isZero();
            assertThat(mounted.path("shopStatusColor").asText()).isEqualTo("rgb(255, 0, 0)");
            assertThat(mounted.path("widgetStatusColor").asText()).as("the shop's styles stay out")
                    .isNotEqualTo("rgb(255, 0, 0)");

            List<Integer> levels = new ArrayList<>();
            browser.await("levels", Duration.ofSeconds(60)).path("levels").forEach(level -> levels.add(level.asInt()));
            assertThat(levels).as("the meter follows the sentence and its pause").contains(0)
                    .anyMatch(level -> level >= 50);
            assertThat(levels.stream().distinct().count()).isGreaterThan(10);

            JsonNode talked = browser.await("talked", Duration.ofSeconds(60));
            assertThat(talked.path("agentBefore").asText()).isEqualTo("front desk web");
            assertThat(talked.path("agentAfter").asText()).as("key 1 calls transfer_to_hotel_booking")
                    .isEqualTo("hotel booking");
            assertThat(talked.path("lines").toString()).contains("Assistant: loopback (no AI): playing back your");
            assertThat(talked.path("text").asText()).contains("Test mode, no AI")
                    .doesNotContainPattern("\\d+ ms").doesNotContain("Sent").doesNotContain("played");
            assertThat(screenshot).exists();

            JsonNode done = browser.await("done", Duration.ofSeconds(15));
            assertThat(done.path("text").asText()).contains("Conversation ended", "You ended the conversation.");
            assertThat(done.path("keypadVisible").asBoolean()).isFalse();
            assertThat(done.path("level").asInt()).isZero();

            JsonNode handedOver = browser.await("handedOver", Duration.ofSeconds(90));
            assertThat(handedOver.path("handoffs")).as("the page heard of the hand-over once").hasSize(1);
            assertThat(handedOver.path("handoffs").get(0).path("summary").asText()).isNotBlank();
            assertThat(handedOver.path("lines").toString()).contains("Handing you to a person: ");

            List<String> shown = browser.facts("shown").stream().map(fact -> fact.path("text").asText()).toList();
            assertThat(shown).first().isEqualTo("Press Start to talk");
            assertThat(shown).containsSubsequence("Connecting…", "Listening", "Assistant speaking",
                    "Conversation ended").endsWith("Conversation ended").doesNotContain("Error");
            assertThat(ShopSite.tokensIssued()).as("the token came from the shop's callback").isPositive();
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
