package dev.voiceagent.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What one address and the whole gateway may hold at once (3 connections and 2 conversations per address, 3
 * conversations in all, in {@link TightLimits}), and how long a connection may sit without identifying itself.
 * Every refusal says why and is counted.
 */
@QuarkusTest
@TestProfile(TightLimits.class)
@QuarkusTestResource(VoiceSystemResource.class)
class CapacityTest {

    @TestHTTPResource("/")
    URI gateway;

    private Vertx vertx;
    private final List<AutoCloseable> clients = new ArrayList<>();

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void closeClients() throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
        vertx.close();
    }

    @Test
    void anAddressHoldsAtMostItsConnections() throws Exception {
        Map<String, String> from = Map.of("X-Forwarded-For", "10.1.1.1, 198.51.100.1");
        for (int i = 0; i < 3; i++) {
            clients.add(RawSocketIoClient.open(vertx, gateway, from).connect(""));
        }
        assertThatThrownBy(() -> RawSocketIoClient.open(vertx, gateway, from)).hasMessageContaining("429");
        RestAssured.given().baseUri(gateway.toString()).header("X-Forwarded-For", "198.51.100.1")
                .queryParam("EIO", "4").queryParam("transport", "polling").get("/realtime-voice/")
                .then().statusCode(429).body("message", equalTo(
                        "too many connections from your address"));
        clients.add(RawSocketIoClient.open(vertx, gateway, Map.of("X-Forwarded-For", "198.51.100.2")).connect(""));

        clients.removeFirst().close();
        await().atMost(Duration.ofSeconds(5)).ignoreExceptions()
                .until(() -> clients.add(RawSocketIoClient.open(vertx, gateway, from).connect("")));
        assertThat(metric("voice_web_connects_refused_total", "kind=\"address_connections\"")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void conversationsAreCappedPerAddressAndInAllButOnlyWhileTheyRun() {
        WidgetClient first = started("203.0.113.1");
        started("203.0.113.1");
        assertThat(refusal("203.0.113.1")).isEqualTo("too many conversations from your network at once; end one first");
        started("203.0.113.2");
        assertThat(refusal("203.0.113.3")).isEqualTo("the voice service is busy; please try again in a moment");

        first.sendWithoutData("SESSION_END");
        first.await("SESSION_END_SUCCESS"); // answered once the conversation is over and its slot free
        started("203.0.113.3");
        assertThat(metric("voice_web_sessions_refused_total", "reason=\"address_sessions\"")).isPositive();
        assertThat(metric("voice_web_sessions_refused_total", "reason=\"capacity\"")).isPositive();
    }

    @Test
    void oneConnectionMayStartConversationsOneAfterAnotherWithoutEnd() {
        WidgetClient widget = client("192.0.2.50");
        for (int i = 1; i <= 25; i++) {
            widget.sendWithoutData("SESSION_START");
            int n = i;
            await().atMost(Duration.ofSeconds(15)).until(() -> widget.received("SESSION_START_SUCCESS").size() == n);
            widget.sendWithoutData("SESSION_END");
            await().atMost(Duration.ofSeconds(15)).until(() -> widget.received("SESSION_END_SUCCESS").size() == n);
        }
        assertThat(widget.received("SESSION_START_ERROR")).isEmpty();
    }

    @Test
    void aConnectionThatNeverConnectsIsClosed() throws Exception {
        RawSocketIoClient silent = RawSocketIoClient.open(vertx, gateway, Map.of());
        clients.add(silent);
        await().atMost(Duration.ofSeconds(5)).until(silent::isClosed);
        assertThat(silent.closeCode()).isEqualTo((short) 1008);
        assertThat(metric("voice_web_connections_closed_total", "reason=\"no_connect\"")).isPositive();
    }

    @Test
    void aLongPollingSessionThatNeverConnectsIsClosed() {
        String open = RestAssured.given().baseUri(gateway.toString()).queryParam("EIO", "4")
                .queryParam("transport", "polling").get("/realtime-voice/").then().statusCode(200).extract().asString();
        String sid = new JSONObject(open.substring(1)).getString("sid");
        await().atMost(Duration.ofSeconds(5)).until(() -> RestAssured.given().baseUri(gateway.toString())
                .queryParam("EIO", "4").queryParam("transport", "polling").queryParam("sid", sid)
                .get("/realtime-voice/").statusCode() == 400);
    }

    @Test
    void aSocketThatNeverStartsAConversationIsClosed() throws Exception {
        RawSocketIoClient idle = RawSocketIoClient.open(vertx, gateway, Map.of()).connect("");
        clients.add(idle);
        await().atMost(Duration.ofSeconds(3)).until(() -> idle.received().stream().anyMatch(p -> p.startsWith("40{")));
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> !idle.isClosed());
        await().atMost(Duration.ofSeconds(12)).until(idle::isClosed);
        assertThat(idle.closeCode()).isEqualTo((short) 1008);
        assertThat(metric("voice_web_connections_closed_total", "reason=\"no_session\"")).isPositive();
    }

    private WidgetClient client(String address) {
        WidgetClient client = WidgetClient.connectWithHeaders(gateway, Map.of("X-Forwarded-For", address));
        clients.add(client);
        return client;
    }

    private WidgetClient started(String address) {
        WidgetClient client = client(address);
        client.sendWithoutData("SESSION_START");
        client.await("SESSION_START_SUCCESS");
        return client;
    }

    private String refusal(String address) {
        WidgetClient client = client(address);
        client.sendWithoutData("SESSION_START");
        return ((JSONObject) client.await("SESSION_START_ERROR").data()).getString("reason");
    }

    private double metric(String name, String labels) {
        String text = RestAssured.given().baseUri(gateway.toString()).get("/q/metrics").asString();
        return text.lines().filter(line -> line.startsWith(name + "{") && line.contains(labels))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
