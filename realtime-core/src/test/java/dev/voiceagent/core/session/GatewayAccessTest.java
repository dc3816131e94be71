package dev.voiceagent.core.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.voiceagent.session.CoreConnections;
import dev.voiceagent.session.CoreConversation;
import dev.voiceagent.session.InternalCredentials;
import dev.voiceagent.session.SessionMessage;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Only gateways with a credential reach {@code /v1/prewarm} and {@code /v1/conversations}: anyone else gets 401,
 * counted by reason, and nothing is opened upstream. Probes keep their open paths.
 */
@QuarkusTest
@TestProfile(GatewayAccessTest.Profile.class)
@QuarkusTestResource(FakeOpenAiResource.class)
class GatewayAccessTest extends AgainstFakes {

    static final String SECRET = "gateway-access-test-internal-secret";

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("internal-auth.secret", SECRET);
        }
    }

    private static final String START = """
            {"type":"start","version":2,"channel":"phone","codec":"pcmu","caller":"+14155550100","callId":"CA-auth"}""";

    private final InternalCredentials gateway = new InternalCredentials(List.of(SECRET), Clock.systemUTC());

    private int prewarm(String authorization) {
        var request = given().contentType("application/json").body(START);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.when().post("/v1/prewarm").then().extract().statusCode();
    }

    @Test
    void anAnonymousPrewarmIsRefusedAndOpensNothing() {
        double before = refused("prewarm", "missing");
        given().contentType("application/json").body(START).when().post("/v1/prewarm")
                .then().statusCode(401).header("WWW-Authenticate", "Bearer realm=\"realtime-core\"");
        assertThat(refused("prewarm", "missing")).isEqualTo(before + 1);
        assertThat(fake.sessions()).as("no upstream session").isEmpty();
    }

    @Test
    void aWrongOrExpiredCredentialIsRefusedAndOpensNothing() {
        String forged = new InternalCredentials(List.of("a-secret-the-core-does-not-know"), Clock.systemUTC())
                .mint(InternalCredentials.CORE_AUDIENCE);
        String expired = new InternalCredentials(List.of(SECRET), Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-2)))
                .mint(InternalCredentials.CORE_AUDIENCE);
        double forgedBefore = refused("prewarm", "bad_signature");
        double expiredBefore = refused("prewarm", "expired");

        assertThat(prewarm("Bearer " + forged)).isEqualTo(401);
        assertThat(prewarm("Bearer " + expired)).isEqualTo(401);
        assertThat(prewarm("Bearer " + SECRET)).as("the secret itself is no credential").isEqualTo(401);
        assertThat(prewarm("Bearer " + gateway.mint("mcp-tools"))).as("a token for another service").isEqualTo(401);

        assertThat(refused("prewarm", "bad_signature")).isEqualTo(forgedBefore + 1);
        assertThat(refused("prewarm", "expired")).isEqualTo(expiredBefore + 1);
        assertThat(fake.sessions()).as("no upstream session").isEmpty();
    }

    @Test
    void aGatewayWithItsCredentialPrewarms() {
        assertThat(prewarm("Bearer " + gateway.mint(InternalCredentials.CORE_AUDIENCE))).isEqualTo(201);
        assertThat(fake.awaitSessions(1)).hasSize(1);
    }

    @Test
    void aReplayedTokenIsRefusedAndOpensNothing() {
        String token = "Bearer " + gateway.mint(InternalCredentials.CORE_AUDIENCE);
        assertThat(prewarm(token)).isEqualTo(201);
        assertThat(fake.awaitSessions(1)).hasSize(1);
        double before = refused("prewarm", "replayed");

        assertThat(prewarm(token)).as("the same token again, within its minute").isEqualTo(401);

        assertThat(refused("prewarm", "replayed")).isEqualTo(before + 1);
        assertThat(fake.sessions()).as("no second upstream session").hasSize(1);
        assertThat(prewarm("Bearer " + gateway.mint(InternalCredentials.CORE_AUDIENCE))).as("a fresh token")
                .isEqualTo(201);
    }

    @Test
    void aTokenUsedOnOneEndpointIsReplayedOnTheOther() {
        String token = "Bearer " + gateway.mint(InternalCredentials.CORE_AUDIENCE);
        assertThat(upgradeStatus(token)).isEqualTo(101);
        double before = refused("conversations", "replayed");
        assertThat(upgradeStatus(token)).as("a captured upgrade, replayed").isEqualTo(401);
        assertThat(prewarm(token)).as("the same token on the other endpoint").isEqualTo(401);
        assertThat(refused("conversations", "replayed")).isEqualTo(before + 1);
        assertThat(refused("prewarm", "replayed")).isPositive();
    }

    @Test
    void anAnonymousConversationsSocketIsRefusedAtTheUpgrade() {
        assertThat(upgradeStatus(null)).isEqualTo(401);
        assertThat(upgradeStatus("Bearer " + new InternalCredentials(List.of(SECRET),
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-5))).mint(InternalCredentials.CORE_AUDIENCE)))
                .as("expired").isEqualTo(401);
        assertThat(refused("conversations", "missing")).isPositive();
        assertThat(refused("conversations", "expired")).isPositive();
        assertThat(fake.sessions()).as("no upstream session").isEmpty();
    }

    @Test
    void aGatewayWithItsCredentialHoldsAConversation() throws Exception {
        CoreConnections connections = new CoreConnections(vertx,
                () -> gateway.mint(InternalCredentials.CORE_AUDIENCE));
        try (TestGateway call = TestGateway.sharing(connections, vertx.getOrCreateContext(), core, "CA-auth-ok")) {
            assertThat(call.awaitMessage(SessionMessage.Ready.class).prewarmed()).isFalse();
        } finally {
            connections.close();
        }
    }

    @Test
    void probesNeedNoCredential() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
    }

    /** The HTTP status the core answers a websocket upgrade of /v1/conversations with. */
    private int upgradeStatus(String authorization) {
        WebSocketClient client = vertx.createWebSocketClient();
        try {
            WebSocketConnectOptions options = new WebSocketConnectOptions()
                    .setAbsoluteURI(CoreConversation.websocketUrl(core).toString());
            if (authorization != null) {
                options.addHeader("Authorization", authorization);
            }
            try {
                client.connect(options).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
                return 101;
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(UpgradeRejectedException.class);
                return ((UpgradeRejectedException) e.getCause()).getStatus();
            }
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        } finally {
            client.close();
        }
    }

    private double refused(String endpoint, String reason) {
        String text = given().when().get("/q/metrics").then().extract().asString();
        Matcher sample = Pattern.compile("(?m)^voice_core_access_refused_total\\{([^}]*)} ([0-9.Ee+-]+)$").matcher(text);
        double sum = 0;
        while (sample.find()) {
            if (sample.group(1).contains("endpoint=\"" + endpoint + "\"")
                    && sample.group(1).contains("reason=\"" + reason + "\"")) {
                sum += Double.parseDouble(sample.group(2));
            }
        }
        return sum;
    }
}
