package dev.voiceagent.telephony.transfer;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@link TransferConfig} with its documented defaults and the given values, without Quarkus. */
final class TestTransferConfig {

    private TestTransferConfig() {
    }

    static TransferConfig with(Optional<String> target, Map<String, String> named) {
        Map<String, String> properties = new HashMap<>();
        target.ifPresent(value -> properties.put("voice.transfer.target", value));
        named.forEach((name, value) -> properties.put("voice.transfer.targets." + name, value));
        return with(properties);
    }

    static TransferConfig with(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withMapping(TransferConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build()
                .getConfigMapping(TransferConfig.class);
    }
}
