package dev.voiceagent.telephony.health;

import dev.voiceagent.testsupport.core.CoreReadinessStub;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** A core that is only ready ({@link CoreReadinessStub}) at {@code core.url}, probed every 100 ms. */
public class FakeCoreReadiness implements QuarkusTestResourceLifecycleManager {

    private static CoreReadinessStub core;

    @Override
    public Map<String, String> start() {
        core = new CoreReadinessStub();
        return Map.of("core.url", core.url().toString(), "core.probe-interval", "100ms");
    }

    public static void up() {
        core.up();
    }

    public static void down() {
        core.down();
    }

    @Override
    public void stop() {
        core.close();
    }
}
