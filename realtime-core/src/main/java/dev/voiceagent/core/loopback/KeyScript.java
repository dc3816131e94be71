package dev.voiceagent.core.loopback;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The function calls keypad keys stand for, with dates in their arguments filled in for today. */
final class KeyScript {

    record Call(String function, String arguments) {
    }

    private static final Pattern DATE = Pattern.compile("\\{\\{today\\+(\\d+)}}");

    private final TreeMap<String, LoopbackConfig.KeyAction> keys;
    private final Clock clock;

    KeyScript(LoopbackConfig config, Clock clock) {
        this.keys = new TreeMap<>(config.keys());
        this.clock = clock;
    }

    Optional<Call> callFor(String key) {
        return Optional.ofNullable(keys.get(key))
                .map(action -> new Call(action.function(), withDates(action.arguments().orElse("{}"))));
    }

    /** One sentence a caller can act on, e.g. "Key 1 calls transfer_to_hotel_booking, key 2 calls search-hotel." */
    String describe() {
        if (keys.isEmpty()) {
            return "";
        }
        String list = keys.entrySet().stream()
                .map(key -> "key " + key.getKey() + " calls " + key.getValue().function())
                .collect(Collectors.joining(", "));
        return Character.toUpperCase(list.charAt(0)) + list.substring(1) + ".";
    }

    private String withDates(String arguments) {
        Matcher date = DATE.matcher(arguments);
        StringBuilder filled = new StringBuilder();
        while (date.find()) {
            date.appendReplacement(filled,
                    LocalDate.now(clock).plusDays(Long.parseLong(date.group(1))).toString());
        }
        return date.appendTail(filled).toString();
    }
}
