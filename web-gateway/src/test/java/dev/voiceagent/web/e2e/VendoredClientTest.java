package dev.voiceagent.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The widget works offline: voice-widget.js carries the official Socket.IO client, exactly the file npm ships in
 * the version the tests pin (src/test/node/package-lock.json), and the demo page loads nothing from elsewhere.
 */
@QuarkusTest
@QuarkusTestResource(VoiceSystemResource.class)
class VendoredClientTest {

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void theWidgetScriptCarriesTheOfficialClient() throws Exception {
        Response served = RestAssured.given().baseUri(gateway.toString()).get("/voice-widget.js");
        served.then().statusCode(200).contentType("text/javascript")
                .header("Cross-Origin-Resource-Policy", "cross-origin").header("X-Content-Type-Options", "nosniff");
        NodeScript.installDependencies();
        String published = Files.readString(
                Path.of("src/test/node/node_modules/socket.io-client/dist/socket.io.min.js"), StandardCharsets.UTF_8);
        String withoutSourceMap = published.substring(0, published.lastIndexOf("//# sourceMappingURL=")).stripTrailing();
        assertThat(served.asString()).contains(withoutSourceMap).doesNotContain("sourceMappingURL")
                .contains("window.VoiceWidget = Object.freeze({ mount });");

        String etag = served.header("ETag");
        RestAssured.given().baseUri(gateway.toString()).header("If-None-Match", etag).get("/voice-widget.js")
                .then().statusCode(304);
    }

    @Test
    void theDemoPageEmbedsTheWidgetFromThisService() {
        String page = RestAssured.given().baseUri(gateway.toString()).get("/").then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("<script src=\"voice-widget.js\"></script>").doesNotContain("<script src=\"http");
    }
}
