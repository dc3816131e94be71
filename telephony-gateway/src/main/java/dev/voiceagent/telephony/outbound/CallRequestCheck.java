package dev.voiceagent.telephony.outbound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks the body of {@code POST /v1/calls} ({@link CallRequest}): a JSON object with known properties
 * only, E.164 numbers, an agent this gateway may place calls for, a bounded context. Each mistake is named with
 * its property, so the client knows what to fix.
 */
@ApplicationScoped
public class CallRequestCheck {

    /** The request, checked; or the property at fault (a metric label) and what is wrong with it. */
    public sealed interface Result {
    }

    public record Valid(OutboundCall call) implements Result {
    }

    public record Invalid(String field, String message) implements Result {
    }

    static final int MAX_BODY_CHARS = 16 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Set<String> FIELDS = Set.of("to", "from", "agent", "context", "answeringMachine");
    private static final Set<String> MACHINE_FIELDS = Set.of("action", "message");
    private static final Set<String> MACHINE_ACTIONS = Set.of(OutboundCall.OnMachine.LEAVE_MESSAGE,
            OutboundCall.OnMachine.HANG_UP);

    /** A mistake in the request, thrown where it is found. */
    private static final class Refused extends Exception {
        private final String field;

        Refused(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }

    private final List<String> agents;
    private final Optional<List<String>> fromNumbers;
    private final int maxContextBytes;
    private final OutboundConfig.AnsweringMachine machine;

    @Inject
    public CallRequestCheck(OutboundConfig config) {
        this(config.agents(), config.fromNumbers(), config.maxContextBytes(), config.answeringMachine());
    }

    CallRequestCheck(List<String> agents, Optional<List<String>> fromNumbers, int maxContextBytes,
            OutboundConfig.AnsweringMachine machine) {
        this.agents = List.copyOf(agents);
        this.fromNumbers = fromNumbers.map(List::copyOf);
        this.maxContextBytes = maxContextBytes;
        this.machine = machine;
    }

    public Result check(String body) {
        try {
            JsonNode request = object(body);
            String to = number(request, "to", "+14155550100");
            String from = number(request, "from", "+18005550199");
            if (fromNumbers.isPresent() && !fromNumbers.get().contains(from)) {
                throw new Refused("from", "'from' must be one of this gateway's numbers: " + fromNumbers.get());
            }
            return new Valid(new OutboundCall(to, from, agent(request.path("agent")), context(request.path("context")),
                    onMachine(request.path("answeringMachine"))));
        } catch (Refused refused) {
            return new Invalid(refused.field, refused.getMessage());
        }
    }

    private static JsonNode object(String body) throws Refused {
        if (body != null && body.length() > MAX_BODY_CHARS) {
            throw new Refused("body", "the request is over " + MAX_BODY_CHARS + " characters");
        }
        JsonNode request;
        try {
            request = body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new Refused("body", "not JSON: " + e.getOriginalMessage());
        }
        if (request == null || !request.isObject()) {
            throw new Refused("body", "a JSON object is required");
        }
        knownFieldsOnly(request, FIELDS, "");
        return request;
    }

    private static String number(JsonNode request, String name, String example) throws Refused {
        JsonNode value = request.path(name);
        if (!value.isTextual() || !E164.matcher(value.asText()).matches()) {
            throw new Refused(name, "'" + name + "' must be a phone number in E.164 form, like " + example);
        }
        return value.asText();
    }

    private String agent(JsonNode value) throws Refused {
        if (value.isMissingNode() || value.isNull()) {
            return agents.getFirst();
        }
        if (!value.isTextual() || !agents.contains(value.asText())) {
            throw new Refused("agent", "unknown agent " + value + "; calls are placed for " + agents);
        }
        return value.asText();
    }

    /** Text as it is, an object as compact JSON; null when absent or blank. */
    private String context(JsonNode value) throws Refused {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual() && !value.isObject()) {
            throw new Refused("context", "'context' must be a string or a JSON object");
        }
        String context = value.isTextual() ? value.asText() : value.toString();
        if (context.getBytes(StandardCharsets.UTF_8).length > maxContextBytes) {
            throw new Refused("context", "'context' is over " + maxContextBytes + " bytes (UTF-8)");
        }
        return context.isBlank() ? null : context;
    }

    private Optional<OutboundCall.OnMachine> onMachine(JsonNode value) throws Refused {
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw new Refused("answeringMachine", "'answeringMachine' must be an object");
        }
        knownFieldsOnly(value, MACHINE_FIELDS, "answeringMachine.");
        JsonNode action = value.path("action");
        if (!action.isMissingNode() && !(action.isTextual() && MACHINE_ACTIONS.contains(action.asText()))) {
            throw new Refused("answeringMachine", "'answeringMachine.action' must be leave_message or hang_up");
        }
        JsonNode message = value.path("message");
        if (!message.isMissingNode() && !(message.isTextual() && !message.asText().isBlank()
                && message.asText().length() <= machine.maxMessageChars())) {
            throw new Refused("answeringMachine", "'answeringMachine.message' must be text of 1 to "
                    + machine.maxMessageChars() + " characters");
        }
        return Optional.of(new OutboundCall.OnMachine(action.asText(OutboundCall.OnMachine.LEAVE_MESSAGE),
                message.isTextual() ? message.asText() : machine.message()));
    }

    private static void knownFieldsOnly(JsonNode object, Set<String> known, String prefix) throws Refused {
        for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new Refused(prefix.isEmpty() ? "body" : "answeringMachine",
                        "unknown property '" + prefix + name + "'");
            }
        }
    }
}
