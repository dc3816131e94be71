package dev.voiceagent.testsupport.twilio;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;

/**
 * The form parameters of Twilio's Calls resource (API 2010-04-01) and the values Twilio accepts, so the fake
 * refuses what Twilio refuses: names as Twilio spells them (case matters), single values except where a list is
 * allowed, URLs absolute, methods GET or POST, TwiML well formed and within 4000 characters.
 */
final class CallParameters {

    /** Parameters of {@code POST /Calls/{Sid}.json}, an update of a live call. */
    static final Set<String> UPDATE = Set.of("Url", "Method", "Status", "FallbackUrl", "FallbackMethod",
            "StatusCallback", "StatusCallbackMethod", "Twiml", "TimeLimit");

    /** Parameters of {@code POST /Calls.json}, a new outbound call. */
    static final Set<String> CREATE = Set.of("To", "From", "Url", "Twiml", "ApplicationSid", "Method", "FallbackUrl",
            "FallbackMethod", "StatusCallback", "StatusCallbackEvent", "StatusCallbackMethod", "SendDigits", "Timeout",
            "Record", "RecordingChannels", "RecordingStatusCallback", "RecordingStatusCallbackMethod",
            "RecordingStatusCallbackEvent", "RecordingTrack", "SipAuthUsername", "SipAuthPassword", "MachineDetection",
            "MachineDetectionTimeout", "MachineDetectionSpeechThreshold", "MachineDetectionSpeechEndThreshold",
            "MachineDetectionSilenceTimeout", "AsyncAmd", "AsyncAmdStatusCallback", "AsyncAmdStatusCallbackMethod",
            "Trim", "CallerId", "Byoc", "CallReason", "CallToken", "TimeLimit");

    private static final Set<String> LISTS = Set.of("StatusCallbackEvent", "RecordingStatusCallbackEvent");
    private static final Set<String> URLS = Set.of("Url", "FallbackUrl", "StatusCallback", "RecordingStatusCallback",
            "AsyncAmdStatusCallback");
    private static final Set<String> METHODS = Set.of("Method", "FallbackMethod", "StatusCallbackMethod",
            "RecordingStatusCallbackMethod", "AsyncAmdStatusCallbackMethod");
    private static final Set<String> CALL_EVENTS = Set.of("initiated", "ringing", "answered", "completed");
    private static final Pattern PARTY = Pattern.compile("\\+[1-9][0-9]{1,14}|sip:.+@.+|client:[A-Za-z0-9_.-]+");
    private static final int MAX_TWIML_CHARS = 4000;

    private CallParameters() {
    }

    /** What Twilio would answer an update with these parameters, or empty when it accepts them. */
    static Optional<RestError> checkUpdate(Map<String, List<String>> params) {
        return common(params, UPDATE).or(() -> oneOf(params, "Status", Set.of("canceled", "completed")));
    }

    /** What Twilio would answer a new call with these parameters, or empty when it accepts them. */
    static Optional<RestError> checkCreate(Map<String, List<String>> params) {
        Optional<RestError> problem = common(params, CREATE);
        if (problem.isPresent()) {
            return problem;
        }
        if (!params.containsKey("To")) {
            return Optional.of(new RestError(400, 21201, "No 'To' number is specified"));
        }
        if (!params.containsKey("From")) {
            return Optional.of(new RestError(400, 21213, "No 'From' number is specified"));
        }
        if (!params.containsKey("Url") && !params.containsKey("Twiml") && !params.containsKey("ApplicationSid")) {
            return Optional.of(new RestError(400, 21205, "Url parameter is required."));
        }
        if (!PARTY.matcher(first(params, "To")).matches()) {
            return Optional.of(new RestError(400, 21211, "Invalid 'To' Phone Number: " + first(params, "To")));
        }
        if (!PARTY.matcher(first(params, "From")).matches()) {
            return Optional.of(new RestError(400, 21212, "Invalid From Number (caller ID): " + first(params, "From")));
        }
        return params.getOrDefault("StatusCallbackEvent", List.of()).stream()
                .flatMap(value -> java.util.Arrays.stream(value.split(" ")))
                .filter(event -> !CALL_EVENTS.contains(event)).findFirst().map(RestError::invalidStatusCallbackEvent)
                .or(() -> oneOf(params, "MachineDetection", Set.of("Enable", "DetectMessageEnd")))
                .or(() -> oneOf(params, "AsyncAmd", Set.of("true", "false")))
                .or(() -> integer(params, "MachineDetectionTimeout", 3, 59))
                .or(() -> integer(params, "Timeout", 1, 600));
    }

    static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static Optional<RestError> common(Map<String, List<String>> params, Set<String> known) {
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            String name = param.getKey();
            if (!known.contains(name)) {
                return Optional.of(RestError.unknownParameter(name));
            }
            if (param.getValue().size() > 1 && !LISTS.contains(name)) {
                return Optional.of(RestError.invalidValue(name, "given " + param.getValue().size() + " times"));
            }
            String value = param.getValue().get(0);
            if (URLS.contains(name) && !isAbsoluteHttpUrl(value)) {
                return Optional.of(RestError.invalidUrl(name, value));
            }
            if (METHODS.contains(name) && !value.equals("GET") && !value.equals("POST")) {
                return Optional.of(RestError.invalidMethod(name, value));
            }
        }
        return Optional.ofNullable(first(params, "Twiml")).flatMap(CallParameters::checkTwiml)
                .or(() -> integer(params, "TimeLimit", 1, 86400));
    }

    private static Optional<RestError> checkTwiml(String twiml) {
        if (twiml.length() > MAX_TWIML_CHARS) {
            return Optional.of(RestError.twimlTooLong(twiml.length()));
        }
        try {
            String root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(twiml.getBytes(StandardCharsets.UTF_8))).getDocumentElement()
                    .getTagName();
            return root.equals("Response") ? Optional.empty()
                    : Optional.of(RestError.twimlUnreadable("the root element is <" + root + ">, not <Response>"));
        } catch (Exception e) {
            return Optional.of(RestError.twimlUnreadable(String.valueOf(e.getMessage())));
        }
    }

    private static Optional<RestError> oneOf(Map<String, List<String>> params, String name, Set<String> allowed) {
        String value = first(params, name);
        return value == null || allowed.contains(value) ? Optional.empty()
                : Optional.of(RestError.invalidValue(name, value));
    }

    private static Optional<RestError> integer(Map<String, List<String>> params, String name, int min, int max) {
        String value = first(params, name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            int number = Integer.parseInt(value);
            return number >= min && number <= max ? Optional.empty() : Optional.of(RestError.invalidValue(name, value));
        } catch (NumberFormatException e) {
            return Optional.of(RestError.invalidValue(name, value));
        }
    }

    static boolean isAbsoluteHttpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
