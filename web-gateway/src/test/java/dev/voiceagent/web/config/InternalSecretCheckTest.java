package dev.voiceagent.web.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.LaunchMode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InternalSecretCheckTest {

    @Test
    void productionDoesNotStartWithoutTheSecretAndSaysWhichVariable() {
        for (Optional<String> unset : List.of(Optional.<String>empty(), Optional.of("  "))) {
            assertThatThrownBy(() -> InternalSecretCheck.check(unset, LaunchMode.NORMAL))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("INTERNAL_AUTH_SECRET (internal-auth.secret) is not set");
        }
    }

    @Test
    void productionStartsWithTheSecretAndDevAndTestWithout() {
        assertThatCode(() -> InternalSecretCheck.check(Optional.of("a-secret-of-enough-length"), LaunchMode.NORMAL))
                .doesNotThrowAnyException();
        assertThatCode(() -> InternalSecretCheck.check(Optional.empty(), LaunchMode.DEVELOPMENT))
                .doesNotThrowAnyException();
        assertThatCode(() -> InternalSecretCheck.check(Optional.empty(), LaunchMode.TEST)).doesNotThrowAnyException();
    }
}
