package dev.voiceagent.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The examples of the module README, decoded and re-encoded. */
class SessionCodecTest {

    @Test
    void decodesTheReadmeStartMessage() {
        String text = """
                {"type":"start","version":1,"channel":"phone","codec":"pcmu","caller":"+14155550100",\
                "callId":"CA123","streamId":"MZ456","sessionRef":"eyJ","traceparent":"00-abc-01"}""";
        assertThat(decode(text)).isEqualTo(new SessionMessage.Start(1, Channel.PHONE, AudioCodec.PCMU,
                "+14155550100", "CA123", "MZ456", "eyJ", "00-abc-01", null, null));
    }

    @Test
    void anOutboundCallsContextTravelsInItsStartAndSurvivesAResume() {
        String text = """
                {"type":"start","version":2,"channel":"phone","codec":"pcmu","caller":"+14155550100",\
                "callId":"CA7","agent":"front_desk_phone","context":"Reminder: table for 4 at 7 pm"}""";
        SessionMessage.Start start = (SessionMessage.Start) decode(text);
        assertThat(start.context()).isEqualTo("Reminder: table for 4 at 7 pm");
        assertThat(decode(SessionCodec.encode(start))).isEqualTo(start);
        assertThat(start.resuming("tok").context()).isEqualTo(start.context());
        assertThat(start.resuming("tok").resume()).isEqualTo("tok");
        assertThat(start.withoutSessionRef().context()).isEqualTo(start.context());
        assertThat(SessionCodec.encode(new SessionMessage.Start(2, Channel.PHONE, AudioCodec.PCMU, null, "CA8", null,
                null, null, null, null))).as("no context: no property").doesNotContain("context");
    }

    @Test
    void encodesCoreMessagesWithTheirWireNames() {
        assertThat(SessionCodec.encode(new SessionMessage.Ready("c1", "front_desk_phone", true,
                "loopback (no AI)", null))).isEqualTo("{\"type\":\"ready\",\"conversationId\":\"c1\","
                        + "\"agent\":\"front_desk_phone\",\"prewarmed\":true,\"model\":\"loopback (no AI)\"}");
        assertThat(SessionCodec.encode(new SessionMessage.Transcript(Role.USER, "item_2", "hi", true)))
                .isEqualTo("{\"type\":\"transcript\",\"role\":\"user\",\"itemId\":\"item_2\",\"text\":\"hi\",\"final\":true}");
        assertThat(SessionCodec.encode(new SessionMessage.AudioItem("item_1", "resp_1")))
                .isEqualTo("{\"type\":\"audio.item\",\"itemId\":\"item_1\",\"responseId\":\"resp_1\"}");
    }

    @Test
    void roundTripsEveryMessage() {
        List<SessionMessage> all = List.of(
                new SessionMessage.Start(1, Channel.WEB, AudioCodec.PCM16, null, "c", "s", null, null, "front_desk_web", null),
                new SessionMessage.PlaybackInterrupted(List.of(new SessionMessage.HeardItem("item_1", 640))),
                new SessionMessage.Dtmf("5"), new SessionMessage.End("stop"),
                new SessionMessage.Ready("c1", "a", false, "gpt-realtime", "tok"), new SessionMessage.AudioItem("i", "r"),
                new SessionMessage.AudioDone("i"), new SessionMessage.SpeechStarted("i"),
                new SessionMessage.SpeechStopped("i"), new SessionMessage.Transcript(Role.ASSISTANT, "i", "t", false),
                new SessionMessage.AgentChanged("hotel"), new SessionMessage.Error("upstream_error", "boom", true),
                new SessionMessage.HandoffHuman("wants a person", "Caller +1415: booked nothing yet.", "billing"),
                new SessionMessage.HandoffResult("no-answer", "nobody answered +15005550006"));
        for (SessionMessage message : all) {
            assertThat(decode(SessionCodec.encode(message))).isEqualTo(message);
        }
    }

    @Test
    void encodesTheHandoffMessagesAsTheReadmeShowsThem() {
        assertThat(SessionCodec.encode(new SessionMessage.HandoffHuman("asked for a person", "Jane wants a refund.",
                null))).isEqualTo("{\"type\":\"handoff.human\",\"reason\":\"asked for a person\","
                        + "\"summary\":\"Jane wants a refund.\"}");
        assertThat(decode("{\"type\":\"handoff.result\",\"status\":\"no-answer\"}"))
                .isEqualTo(new SessionMessage.HandoffResult("no-answer", null));
    }

    @Test
    void ignoresFieldsANewerPeerAdds() {
        assertThat(decode("{\"type\":\"dtmf\",\"digit\":\"1\",\"durationMs\":80}"))
                .isEqualTo(new SessionMessage.Dtmf("1"));
    }

    @Test
    void refusesUnknownTypesAndMalformedJson() {
        assertThatThrownBy(() -> decode("{\"type\":\"teleport\"}")).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> decode("{\"type\":")).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> decode("{\"digit\":\"1\"}")).isInstanceOf(ProtocolException.class);
    }

    private static SessionMessage decode(String text) {
        return SessionCodec.decode(Buffer.buffer(text));
    }

    /** Found by fuzzing: Jackson's refusal ran over two lines (the source location) in logs and error messages. */
    @Test
    void refusesARecordPayloadInOneLine() {
        assertThatThrownBy(() -> SessionCodec.decode(Buffer.buffer()))
                .isInstanceOf(ProtocolException.class).hasMessageNotContaining("\n");
        assertThatThrownBy(() -> SessionCodec.decode(Buffer.buffer("{\"type\":\"tele\\nport\"}")))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("tele port").hasMessageNotContaining("\n");
    }

    /** Found by fuzzing: bytes Jackson reads as UTF-32 that are no characters are a protocol error too. */
    @Test
    void refusesAPayloadThatIsNoText() {
        Buffer utf32 = Buffer.buffer(HexFormat.of().parseHex("000000000000000000c2bec9a6"));
        assertThatThrownBy(() -> SessionCodec.decode(utf32))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("Invalid UTF-32 character");
    }
}
