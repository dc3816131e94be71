package dev.voiceagent.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With access control on, only a widget holding a token the site's backend obtained may connect. */
@QuarkusTest
@TestProfile(AccessTokenTest.AccessRequired.class)
@QuarkusTestResource(VoiceSystemResource.class)
class AccessTokenTest {

    private static final String ISSUER_KEY = "issuer-key-for-tests";

    public static class AccessRequired implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("web.access.required", "true", "web.access.secret", "web-access-secret-for-tests",
                    "web.access.issuer-key", ISSUER_KEY);
        }
    }

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void withoutATokenTheConnectIsRefusedWithAReason() {
        try (WidgetClient widget = new WidgetClient(gateway, new String[] {"websocket"}, Map.of())) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !widget.connectErrors().isEmpty());
            assertThat(widget.connectErrors()).containsExactly("access token required");
            assertThat(widget.isConnected()).isFalse();
        }
    }

    @Test
    void aForgedTokenIsRefused() {
        try (WidgetClient widget = new WidgetClient(gateway, new String[] {"polling"},
                Map.of("token", "eyJmb3JnZWQiOnRydWV9.c2lnbmF0dXJl"))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !widget.connectErrors().isEmpty());
            assertThat(widget.connectErrors()).containsExactly("access token invalid or expired");
        }
    }

    @Test
    void onlyTheSitesBackendObtainsTokens() {
        RestAssured.given().baseUri(gateway.toString()).header("Authorization", "Bearer guess")
                .post("/v1/access-tokens").then().statusCode(401);
        RestAssured.given().baseUri(gateway.toString()).post("/v1/access-tokens").then().statusCode(401);
    }

    @Test
    void anIssuedTokenAdmitsTheWidget() {
        String token = RestAssured.given().baseUri(gateway.toString()).header("Authorization", "Bearer " + ISSUER_KEY)
                .post("/v1/access-tokens").then().statusCode(200).extract().path("token");
        try (WidgetClient widget = new WidgetClient(gateway, new String[] {"websocket"}, Map.of("token", token))) {
            await().atMost(Duration.ofSeconds(10)).until(widget::isConnected);
            widget.sendWithoutData("SESSION_START");
            widget.await("SESSION_START_SUCCESS");
            assertThat(widget.connectErrors()).isEmpty();
        }
    }
}
