package dev.voiceagent.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.voiceagent.web.access.MintedTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With access tokens required, as the production overlay sets it: only a widget holding a JWT the site's backend
 * minted (here with jose4j, not with the gateway's code) may connect, and nothing else reaches the core.
 */
@QuarkusTest
@TestProfile(AccessTokenTest.AccessRequired.class)
@QuarkusTestResource(VoiceSystemResource.class)
class AccessTokenTest {

    private static final String SECRET = "web-access-secret-for-tests-32-bytes!";

    public static class AccessRequired implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("web.access.required", "true", "web.access.secret", SECRET);
        }
    }

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void withoutATokenTheConnectIsRefusedWithAReason() {
        assertThat(refusal(Map.of())).isEqualTo("access token required");
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        assertThat(refusal(Map.of("token", MintedTokens.hs256(SECRET, "voice-web", -300, null))))
                .isEqualTo("access token expired");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() throws Exception {
        assertThat(refusal(Map.of("token", MintedTokens.hs256(SECRET, "billing-api", 300, null))))
                .isEqualTo("access token is not for this service");
    }

    @Test
    void aForgedTokenIsRefused() throws Exception {
        assertThat(refusal(Map.of("token", MintedTokens.hs256("a-key-the-site-never-had-32-bytes!!", "voice-web",
                300, null)))).isEqualTo("access token invalid");
    }

    @Test
    void aTokenMintedByTheSitesBackendAdmitsTheWidget() throws Exception {
        String token = MintedTokens.hs256(SECRET, "voice-web", 300, "https://shop.example.com");
        for (String transport : new String[] {"websocket", "polling"}) {
            try (WidgetClient widget = new WidgetClient(gateway, new String[] {transport}, Map.of("token", token))) {
                await().atMost(Duration.ofSeconds(10)).until(widget::isConnected);
                widget.sendWithoutData("SESSION_START");
                widget.await("SESSION_START_SUCCESS");
                assertThat(widget.connectErrors()).isEmpty();
            }
        }
    }

    @Test
    void threeHundredAnonymousNonBrowserClientsStartNoSession() throws Exception {
        int before = VoiceSystemResource.openAi().sessions().size();
        Vertx vertx = Vertx.vertx();
        List<RawSocketIoClient> clients = new ArrayList<>();
        int refusedUpgrades = 0;
        try {
            for (int i = 0; i < 300; i++) {
                try {
                    clients.add(RawSocketIoClient.open(vertx, gateway, Map.of()));
                } catch (Exception refusedByTheAddressLimit) {
                    refusedUpgrades++;
                }
            }
            for (RawSocketIoClient client : clients) {
                client.connect("").sendText("42[\"message\",{\"event\":\"SESSION_START\"}]");
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> clients.stream().allMatch(c -> c.received()
                    .contains("44{\"message\":\"access token required\"}")));
            assertThat(clients).allSatisfy(c -> assertThat(c.received()).noneMatch(p -> p.startsWith("40{")));
            assertThat(refusedUpgrades).as("beyond 50 connections from one address the upgrade is refused")
                    .isPositive();
            assertThat(VoiceSystemResource.openAi().sessions()).hasSize(before);
        } finally {
            clients.forEach(RawSocketIoClient::close);
            vertx.close();
        }
    }

    private String refusal(Map<String, String> auth) {
        try (WidgetClient widget = new WidgetClient(gateway, new String[] {"websocket"}, auth)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !widget.connectErrors().isEmpty());
            assertThat(widget.isConnected()).isFalse();
            return widget.connectErrors().getFirst();
        }
    }
}
