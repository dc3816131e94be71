package dev.voiceagent.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voiceagent.session.SessionMessage;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Azure OpenAI is a configuration switch: its URL form, its api-key header, the deployment as the model. */
@QuarkusTest
@TestProfile(AzureProviderTest.Profile.class)
@QuarkusTestResource(FakeOpenAiResource.class)
class AzureProviderTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("openai.provider", "azure", "openai.model", "my-realtime-deployment",
                    "voice.session.phone.voice", "shimmer");
        }
    }

    @TestHTTPResource("/")
    URI core;

    @Inject
    Vertx vertx;

    @Test
    void connectsWithTheApiKeyHeaderToTheDeployment() throws Exception {
        try (TestGateway gateway = TestGateway.phoneCall(vertx, core, "CA-azure", null)) {
            gateway.awaitMessage(SessionMessage.Ready.class);
            assertThat(FakeOpenAiResource.fake.session(0).model()).isEqualTo("my-realtime-deployment");
            assertThat(FakeOpenAiResource.fake.rejectedHandshakes()).isZero();
            assertThat(FakeOpenAiResource.fake.session(0).received("session.update").get(0)
                    .path("session").path("audio").path("output").path("voice").asText())
                    .as("the entry agent's own voice wins over the configured one").isEqualTo("marin");
        }
    }
}
