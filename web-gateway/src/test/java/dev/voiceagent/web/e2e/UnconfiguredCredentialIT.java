package dev.voiceagent.web.e2e;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voiceagent.testsupport.process.QuarkusServiceProcess;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The packaged web gateway without its credential to the core stops at start-up and names what is missing. */
class UnconfiguredCredentialIT {

    @Test
    void refusesToStartWithoutTheInternalSecret() {
        // An empty value, not just none: a secret in the environment running the tests must not leak in.
        assertThatThrownBy(() -> QuarkusServiceProcess.start("unconfigured-web-gateway",
                QuarkusServiceProcess.runJarOf("web-gateway"), Map.of(), Map.of("INTERNAL_AUTH_SECRET", "")))
                .hasMessageContaining("exited with 1")
                .hasMessageContaining("INTERNAL_AUTH_SECRET (internal-auth.secret) is not set");
    }
}
