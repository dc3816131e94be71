package dev.voiceagent.telephony.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The message examples of Twilio's Media Streams documentation. */
class TwilioCodecTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void connected() throws IOException {
        assertThat(TwilioCodec.parse("{\"event\":\"connected\",\"protocol\":\"Call\",\"version\":\"1.0.0\"}"))
                .isEqualTo(new TwilioInbound.Connected());
    }

    @Test
    void start() throws IOException {
        String start = """
                {"event":"start","sequenceNumber":"1","start":{"accountSid":"AC00000000000000000000000000000000",\
                "streamSid":"MZ18ad3ab5a668481ce02b83e7395059f0","callSid":"CA00000000000000000000000000000000",\
                "tracks":["inbound"],"mediaFormat":{"encoding":"audio/x-mulaw","sampleRate":8000,"channels":1},\
                "customParameters":{"FirstName":"Jane","LastName":"Doe","RemoteParty":"Bob"}},\
                "streamSid":"MZ18ad3ab5a668481ce02b83e7395059f0"}""";
        assertThat(TwilioCodec.parse(start)).isEqualTo(new TwilioInbound.Start("MZ18ad3ab5a668481ce02b83e7395059f0",
                "CA00000000000000000000000000000000",
                Map.of("FirstName", "Jane", "LastName", "Doe", "RemoteParty", "Bob"), "audio/x-mulaw", 8000, 1));
    }

    @Test
    void media() throws IOException {
        String media = """
                {"event":"media","sequenceNumber":"3","media":{"track":"inbound","chunk":"1","timestamp":"5",\
                "payload":"no+JhoaJjpzSHxAKBgYJDhtEopGKh4aIjZm7JhQLBwYIDBc1qZSLiIaHjJWsLxgNCAYHChIrr5mOiYaHi5GjOx0PCQcHCQ8i"},\
                "streamSid":"MZ18ad3ab5a668481ce02b83e7395059f0"}""";
        TwilioInbound.Media parsed = (TwilioInbound.Media) TwilioCodec.parse(media);
        assertThat(parsed.track()).isEqualTo("inbound");
        assertThat(parsed.payload()).startsWith("no+JhoaJjpzSHxAK").endsWith("CQ8i");
    }

    @Test
    void markDtmfAndStop() throws IOException {
        assertThat(TwilioCodec.parse("""
                {"event":"mark","sequenceNumber":"4","streamSid":"MZ18","mark":{"name":"my label"}}"""))
                .isEqualTo(new TwilioInbound.Mark("my label"));
        assertThat(TwilioCodec.parse("""
                {"event":"dtmf","streamSid":"MZ18","sequenceNumber":"5","dtmf":{"track":"inbound_track","digit":"1"}}"""))
                .isEqualTo(new TwilioInbound.Dtmf("1"));
        assertThat(TwilioCodec.parse("""
                {"event":"stop","sequenceNumber":"5","streamSid":"MZ18",\
                "stop":{"accountSid":"AC00","callSid":"CA00"}}"""))
                .isEqualTo(new TwilioInbound.Stop());
    }

    @Test
    void unknownEventsAreNamedNotFatal() throws IOException {
        assertThat(TwilioCodec.parse("{\"event\":\"teleport\"}")).isEqualTo(new TwilioInbound.Unknown("teleport"));
    }

    @Test
    void malformedMessagesAreRefused() {
        assertThatThrownBy(() -> TwilioCodec.parse("not json")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> TwilioCodec.parse("[]")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> TwilioCodec.parse("{\"sequenceNumber\":\"1\"}")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> TwilioCodec.parse("{\"event\":\"media\",\"media\":{}}")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> TwilioCodec.parse("{\"event\":\"media\",\"media\":\"x\"}")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> TwilioCodec.parse("{\"event\":\"start\",\"start\":{}}")).isInstanceOf(IOException.class);
    }

    @Test
    void aRefusalSaysWhyInOneLineForTheLog() {
        assertThatThrownBy(() -> TwilioCodec.parse("{\"event\":\"media\u0001\"}"))
                .isInstanceOf(IOException.class).message().doesNotContain("\n").contains("CTRL-CHAR");
    }

    @Test
    void writesTheThreeOutboundMessages() throws Exception {
        assertThat(mapper.readTree(TwilioCodec.media("MZ1", Buffer.buffer("//7+"))))
                .isEqualTo(mapper.readTree("{\"event\":\"media\",\"streamSid\":\"MZ1\",\"media\":{\"payload\":\"//7+\"}}"));
        assertThat(mapper.readTree(TwilioCodec.mark("MZ1", "item_1:20:g0:m1")))
                .isEqualTo(mapper.readTree("{\"event\":\"mark\",\"streamSid\":\"MZ1\",\"mark\":{\"name\":\"item_1:20:g0:m1\"}}"));
        assertThat(mapper.readTree(TwilioCodec.clear("MZ1")))
                .isEqualTo(mapper.readTree("{\"event\":\"clear\",\"streamSid\":\"MZ1\"}"));
    }
}
