package dev.voiceagent.telephony.transfer;

import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The configured targets, read once: a malformed one stops start-up with a message that names it. */
@Singleton
public class TransferTargets {

    private final Optional<TransferTarget> fallback;
    private final Map<String, TransferTarget> named = new HashMap<>();

    public TransferTargets(TransferConfig config) {
        this.fallback = config.target().filter(value -> !value.isBlank())
                .map(value -> TransferTarget.parse("voice.transfer.target", value));
        config.targets().forEach((name, value) ->
                named.put(name, TransferTarget.parse("voice.transfer.targets." + name, value)));
    }

    /** The target an agent named, or the default for none (or for a name nobody configured). */
    Optional<TransferTarget> resolve(String name) {
        return name == null ? fallback : Optional.ofNullable(named.get(name)).or(() -> fallback);
    }
}
