package dev.voiceagent.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Engine.IO heartbeat on the gateway's own timers ({@code EngineIoTimers}): a page that answers pings stays
 * connected however long it talks, and one that stops answering is closed once the ping timeout has passed.
 */
@QuarkusTest
@TestProfile(HeartbeatTest.FastHeartbeat.class)
class HeartbeatTest {

    /** Pings every 200 ms; a pong is due within a second (room for a busy machine). */
    public static class FastHeartbeat implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // A connection that never completes its CONNECT is closed after this: long, so only the heartbeat can.
            return Map.of("web.ping-interval", "200ms", "web.ping-timeout", "1s",
                    "web.limits.connect-timeout", "60s");
        }
    }

    @TestHTTPResource("/")
    URI gateway;

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void closeVertx() {
        vertx.close();
    }

    @Test
    void aPageThatAnswersPingsStaysThroughManyOfThem() throws Exception {
        try (RawSocketIoClient page = RawSocketIoClient.open(vertx, gateway, Map.of()).answeringPings().connect("")) {
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> !page.isClosed());
            assertThat(page.received().stream().filter("2"::equals).count()).as("pings").isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void aPageThatStopsAnsweringIsClosedAfterThePingTimeout() throws Exception {
        try (RawSocketIoClient page = RawSocketIoClient.open(vertx, gateway, Map.of()).connect("")) {
            await().atMost(Duration.ofSeconds(6)).until(page::isClosed);
            assertThat(page.received()).contains("2");
        }
    }
}
