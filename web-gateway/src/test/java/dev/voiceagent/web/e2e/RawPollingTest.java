package dev.voiceagent.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Engine.IO long-polling written by hand: payloads of several packets split by {@code \x1e}, a binary attachment as
 * {@code b<base64>}, and the bodies a client must not send.
 */
@QuarkusTest
@QuarkusTestResource(VoiceSystemResource.class)
class RawPollingTest {

    private static final String SEPARATOR = "\u001e";
    private static final Pattern SID = Pattern.compile("\"sid\":\\s*\"([^\"]+)\"");

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void aSplitPayloadReachesTheLibraryPacketByPacket() {
        String sid = handshake();
        post(sid, "40").then().statusCode(200);
        assertThat(poll(sid)).startsWith("40{\"sid\":");

        post(sid, String.join(SEPARATOR,
                "42[\"message\",{\"event\":\"NOT_AN_EVENT\"}]",
                "451-[\"message\",{\"event\":\"USER_AUDIO_CHUNK\",\"data\":{\"_placeholder\":true,\"num\":0}}]",
                "bAAAAAAAAAAA=")).then().statusCode(200);
        assertThat(poll(sid)).contains("\"event\":\"ERROR\"").contains("unknown event NOT_AN_EVENT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bAAAA", "b!!not base64!!"})
    void anUnannouncedOrMalformedAttachmentClosesTheSession(String attachment) {
        String sid = handshake();
        post(sid, "40").then().statusCode(200);
        poll(sid);
        post(sid, attachment).then().statusCode(400);
        assertThat(poll(sid).split(SEPARATOR)).as("the close packet").contains("1");
    }

    @Test
    void anOversizedBodyIsRefused() {
        String sid = handshake();
        post(sid, "4" + "x".repeat(300_000)).then().statusCode(413);
    }

    @Test
    void anUnknownSessionIsABadRequest() {
        request("no-such-sid").get("/realtime-voice/").then().statusCode(400);
    }

    private String handshake() {
        String open = RestAssured.given().baseUri(gateway.toString()).queryParam("EIO", "4")
                .queryParam("transport", "polling").get("/realtime-voice/").then().statusCode(200).extract().asString();
        assertThat(open).startsWith("0{");
        Matcher sid = SID.matcher(open);
        assertThat(sid.find()).isTrue();
        return sid.group(1);
    }

    private RequestSpecification request(String sid) {
        return RestAssured.given().baseUri(gateway.toString()).queryParam("EIO", "4").queryParam("transport", "polling")
                .queryParam("sid", sid);
    }

    private io.restassured.response.Response post(String sid, String payload) {
        return request(sid).contentType("text/plain;charset=UTF-8").body(payload).post("/realtime-voice/");
    }

    private String poll(String sid) {
        return request(sid).get("/realtime-voice/").then().statusCode(200).extract().asString();
    }
}
