package dev.voiceagent.testsupport.twilio;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One call as the fake Twilio knows it: who, which way, its status and the TwiML (or URL) it runs now. Rendered as
 * the Call resource's JSON, field for field as Twilio answers it (dates in RFC 2822, as the SDK parses them).
 * Mutated by the fake's server under its lock; read through snapshots.
 */
public final class FakeCall {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US);

    private final String accountSid;
    private final String sid;
    private final String from;
    private final String to;
    private final String direction;
    private final ZonedDateTime created = ZonedDateTime.now(ZoneOffset.UTC);
    private volatile String status;
    private volatile String twiml;
    private volatile String url;
    /** The parameters of the request that created it (an outbound call), or empty. */
    private volatile Map<String, List<String>> placement = Map.of();

    FakeCall(String accountSid, String sid, String from, String to, String direction, String status) {
        this.accountSid = accountSid;
        this.sid = sid;
        this.from = from;
        this.to = to;
        this.direction = direction;
        this.status = status;
    }

    public String sid() {
        return sid;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }

    public String direction() {
        return direction;
    }

    /** {@code queued}, {@code ringing}, {@code in-progress}, {@code completed}, {@code busy}, ... */
    public String status() {
        return status;
    }

    /** The TwiML the call runs now, if it was given as TwiML. */
    public String twiml() {
        return twiml;
    }

    /** The URL the call fetched its TwiML from, if it was given as a URL. */
    public String url() {
        return url;
    }

    /** A parameter of the request that placed this call (its callbacks, detection), or null. */
    public String placedWith(String name) {
        return CallParameters.first(placement, name);
    }

    /** Every value of a list parameter of the request that placed this call ({@code StatusCallbackEvent}). */
    public List<String> placedWithAll(String name) {
        return placement.getOrDefault(name, List.of()).stream()
                .flatMap(value -> java.util.Arrays.stream(value.split(" "))).toList();
    }

    void placedWith(Map<String, List<String>> params) {
        this.placement = Map.copyOf(params);
    }

    void status(String newStatus) {
        this.status = newStatus;
    }

    void instructions(String newTwiml, String newUrl) {
        this.twiml = newTwiml;
        this.url = newUrl;
    }

    boolean isLive() {
        return status.equals("in-progress") || status.equals("ringing") || status.equals("queued");
    }

    String toJson() {
        String path = "/2010-04-01/Accounts/" + accountSid + "/Calls/" + sid;
        String date = RFC_2822.format(created);
        ObjectNode call = JSON.createObjectNode().put("sid", sid).put("account_sid", accountSid)
                .put("api_version", "2010-04-01").put("date_created", date).put("date_updated", date)
                .put("start_time", status.equals("queued") ? null : date).putNull("end_time")
                .put("from", from).put("from_formatted", from).put("to", to).put("to_formatted", to)
                .put("direction", direction).put("status", status).putNull("duration").putNull("price")
                .put("price_unit", "USD").putNull("answered_by").putNull("caller_name").putNull("forwarded_from")
                .putNull("group_sid").putNull("parent_call_sid").putNull("phone_number_sid").putNull("trunk_sid")
                .put("queue_time", "0").put("uri", path + ".json");
        ObjectNode resources = call.putObject("subresource_uris");
        for (String resource : new String[] {"notifications", "recordings", "streams", "events", "payments"}) {
            resources.put(resource, path + "/" + resource.substring(0, 1).toUpperCase(Locale.ROOT)
                    + resource.substring(1) + ".json");
        }
        return call.toString();
    }
}
