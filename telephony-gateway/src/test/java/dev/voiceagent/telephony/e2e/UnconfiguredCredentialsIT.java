package dev.voiceagent.telephony.e2e;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.voiceagent.testsupport.process.QuarkusServiceProcess;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A packaged service without its credential does not run open: it stops at start-up and names what is missing. */
class UnconfiguredCredentialsIT {

    @ParameterizedTest
    @CsvSource({"realtime-core, INTERNAL_AUTH_SECRET", "telephony-gateway, INTERNAL_AUTH_SECRET",
            "mcp-tools, MCP_AUTH_TOKENS"})
    void refusesToStart(String module, String missing) {
        Path database = Path.of("target", "e2e-db", "unconfigured").toAbsolutePath();
        assertThatThrownBy(() -> QuarkusServiceProcess.start("unconfigured-" + module,
                QuarkusServiceProcess.runJarOf(module), Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:file:" + database,
                        "voice.mcp.booking.url", "http://127.0.0.1:9/mcp"), Map.of()))
                .hasMessageContaining("exited with 1").hasMessageContaining(missing + " (").hasMessageContaining("is not set");
    }
}
