package dev.voiceagent.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.voiceagent.session.SessionMessage;
import dev.voiceagent.testsupport.openai.FakeRealtimeSession;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With {@code interrupt_response} off the server does not cancel on speech, so the core does: with
 * {@code response.cancel}, and only while a response is in flight (the API refuses a cancel with nothing active).
 */
@QuarkusTest
@TestProfile(ClientSideInterruptTest.Profile.class)
@QuarkusTestResource(FakeOpenAiResource.class)
class ClientSideInterruptTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("voice.session.phone.turn-detection.interrupt-response", "false");
        }
    }

    @TestHTTPResource("/")
    URI core;

    @Inject
    Vertx vertx;

    @Test
    void cancelsAResponseInFlightAndNothingElse() throws Exception {
        FakeOpenAiResource.fake.reset();
        FakeOpenAiResource.fake.sessionOptions(FakeRealtimeSession.Options.defaults().withoutAutomaticResponses());
        try (TestGateway gateway = TestGateway.phoneCall(vertx, core, "CA-cancel", null).awaitReady()) {
            FakeRealtimeSession session = FakeOpenAiResource.fake.session(0);
            String item = session.streamAssistantAudio(new byte[16000], 160, Duration.ofMillis(20), "long");
            gateway.awaitMessage(SessionMessage.AudioItem.class);
            session.speechStarted();
            gateway.awaitMessage(SessionMessage.SpeechStarted.class);
            gateway.send(new SessionMessage.PlaybackInterrupted(List.of(new SessionMessage.HeardItem(item, 40))));
            await().until(() -> session.cancels() == 1);

            String done = session.streamAssistantAudio(new byte[800], 800);
            await().until(() -> gateway.messages.stream().anyMatch(
                    m -> m instanceof SessionMessage.AudioDone d && d.itemId().equals(done)));
            session.speechStarted();
            await().until(() -> gateway.messages.stream().filter(SessionMessage.SpeechStarted.class::isInstance)
                    .count() == 2);
            gateway.send(new SessionMessage.PlaybackInterrupted(List.of(new SessionMessage.HeardItem(done, 50))));
            await().until(() -> session.truncations().size() == 2);
            assertThat(session.cancels()).as("nothing in flight, nothing to cancel").isEqualTo(1);
            assertThat(session.violations()).isEmpty();
        }
    }
}
