package dev.voiceagent.core.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The active-sessions gauge (what the HPA and the dashboard read) still reads a number after a garbage collection. */
@QuarkusTest
class SessionsGaugeTest {

    @Test
    void theActiveSessionsGaugeSurvivesAGarbageCollection() {
        given().when().get("/q/health/ready"); // the probe Kubernetes sends first creates the registry of conversations
        assertThat(activeSessions()).isEqualTo("0.0");
        WeakReference<Object> sentinel = new WeakReference<>(new Object());
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            System.gc();
            return sentinel.get() == null; // a collection has run: weakly held gauges are gone by now
        });
        assertThat(activeSessions()).isEqualTo("0.0");
    }

    private static String activeSessions() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher sample = Pattern.compile("(?m)^voice_core_sessions_active(?:\\{[^}]*})? (\\S+)$").matcher(metrics);
        assertThat(sample.find()).as("the gauge is published").isTrue();
        return sample.group(1);
    }
}
