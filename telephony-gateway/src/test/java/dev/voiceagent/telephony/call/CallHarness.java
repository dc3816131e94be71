package dev.voiceagent.telephony.call;

import dev.voiceagent.session.SessionMessage;
import dev.voiceagent.telephony.metrics.GatewayMetrics;
import dev.voiceagent.telephony.twilio.StreamTickets;
import io.quarkus.runtime.configuration.DurationConverter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * One {@link TwilioCall} in process with a fake Twilio, a fake core and scripted time, plus Twilio's messages as
 * text. Limits are the documented defaults unless a test overrides them.
 */
final class CallHarness {

    static final String AUTH_TOKEN = "harness-auth-token-0123456789";
    static final String CALL_SID = "CA0123456789abcdef0123456789abcdef";
    static final String STREAM_SID = "MZ0123456789abcdef0123456789abcdef";
    static final String FROM = "+14155550100";

    final ManualClock clock = new ManualClock();
    final FakeTwilioSocket twilio = new FakeTwilioSocket();
    final FakeCore core = new FakeCore();
    final FakeFallback fallback = new FakeFallback();
    final FakeTransfers transfers = new FakeTransfers();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final StreamLimits limits;
    final StreamTickets tickets;
    final TwilioCall call;
    private final CallServices services;

    CallHarness() {
        this(Map.of());
    }

    CallHarness(Map<String, String> limitOverrides) {
        this.limits = new SmallRyeConfigBuilder().withMapping(StreamLimits.class)
                .withConverter(Duration.class, 100, new DurationConverter()) // Quarkus's "10s" form
                .withSources(new PropertiesConfigSource(limitOverrides, "test", 500)).build()
                .getConfigMapping(StreamLimits.class);
        this.tickets = new StreamTickets(Optional.of(AUTH_TOKEN), Duration.ofSeconds(30), clock);
        this.services = new CallServices(core, new GatewayMetrics(registry), limits, tickets, clock, clock, fallback,
                transfers);
        this.call = new TwilioCall(twilio, services);
    }

    /** Another stream on the same gateway (same tickets, metrics and time), e.g. a replay. */
    TwilioCall another(FakeTwilioSocket socket) {
        return new TwilioCall(socket, services);
    }

    /** Twilio's {@code connected} and a {@code start} carrying a fresh ticket for the call. */
    CallHarness started() {
        call.onTwilioText(connected());
        call.onTwilioText(start(tickets.issue(CALL_SID).orElseThrow()));
        return this;
    }

    /** Started, and the core's conversation open, not ready yet. */
    CallHarness opened() {
        started();
        core.answer();
        core.take();
        return this;
    }

    /** Started, the core's conversation open and ready: its upstream session is configured. */
    CallHarness answered() {
        opened();
        call.onMessage(new SessionMessage.Ready("conv-1", "front_desk_phone", false, "gpt-realtime", null));
        return this;
    }

    double counter(String name, String tag, String value) {
        var counter = registry.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }

    static String connected() {
        return "{\"event\":\"connected\",\"protocol\":\"Call\",\"version\":\"1.0.0\"}";
    }

    static String start(String ticket) {
        return start(CALL_SID, ticket);
    }

    static String start(String callSid, String ticket) {
        return start(callSid, ticket, "");
    }

    /** @param moreParameters further custom parameters, as JSON members each preceded by a comma */
    static String start(String callSid, String ticket, String moreParameters) {
        return "{\"event\":\"start\",\"sequenceNumber\":\"1\",\"start\":{\"streamSid\":\"" + STREAM_SID
                + "\",\"accountSid\":\"AC0\",\"callSid\":\"" + callSid + "\",\"tracks\":[\"inbound\"],"
                + "\"customParameters\":{\"From\":\"" + FROM + "\",\"CallSid\":\"" + callSid + "\""
                + (ticket == null ? "" : ",\"ticket\":\"" + ticket + "\"") + moreParameters
                + "},\"mediaFormat\":{\"encoding\":\"audio/x-mulaw\",\"sampleRate\":8000,\"channels\":1}},"
                + "\"streamSid\":\"" + STREAM_SID + "\"}";
    }

    /** One 20 ms frame of caller audio whose bytes all equal {@code tag}. */
    static String media(int tag) {
        return "{\"event\":\"media\",\"streamSid\":\"" + STREAM_SID + "\",\"media\":{\"track\":\"inbound\","
                + "\"payload\":\"" + frame(tag) + "\"}}";
    }

    static String frame(int tag) {
        byte[] audio = new byte[160];
        java.util.Arrays.fill(audio, (byte) tag);
        return Base64.getEncoder().encodeToString(audio);
    }

    /** Base64 of {@code ms} of mu-law. */
    static String audio(long ms) {
        return Base64.getEncoder().encodeToString(new byte[(int) (ms * 8)]);
    }

    static String mark(String name) {
        return "{\"event\":\"mark\",\"streamSid\":\"" + STREAM_SID + "\",\"mark\":{\"name\":\"" + name + "\"}}";
    }

    static String dtmf(String digit) {
        return "{\"event\":\"dtmf\",\"streamSid\":\"" + STREAM_SID + "\",\"dtmf\":{\"track\":\"inbound_track\","
                + "\"digit\":\"" + digit + "\"}}";
    }

    static String stop() {
        return "{\"event\":\"stop\",\"streamSid\":\"" + STREAM_SID + "\",\"stop\":{\"callSid\":\"" + CALL_SID + "\"}}";
    }
}
