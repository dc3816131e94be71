package dev.voiceagent.telephony.health;

import static dev.voiceagent.telephony.health.CoreUnavailableTest.readiness;
import static dev.voiceagent.telephony.health.CoreUnavailableTest.webhook;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With a fallback number configured, a call that no core can take is told so in the configured voice and dialled on. */
@QuarkusTest
@TestProfile(CoreUnavailableDialTest.WithFallbackNumber.class)
@QuarkusTestResource(value = FakeCoreReadiness.class, restrictToAnnotatedClass = true)
class CoreUnavailableDialTest {

    public static class WithFallbackNumber extends CoreUnavailableTest.Profile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("core.unavailable.fallback-number", "+18005550123");
            overrides.put("core.unavailable.voice", "Polly.Joanna-Neural");
            return overrides;
        }
    }

    @Test
    void aCallIsDialledToTheFallbackNumber() {
        await().until(() -> readiness() == 200);
        FakeCoreReadiness.down();
        try {
            await().until(() -> readiness() == 503);
            webhook().body(equalTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say voice=\"Polly.Joanna-Neural\">"
                    + "We are sorry, our assistant cannot take your call right now. We are connecting you to a colleague."
                    + "</Say><Dial>+18005550123</Dial></Response>"));
        } finally {
            FakeCoreReadiness.up();
        }
    }
}
