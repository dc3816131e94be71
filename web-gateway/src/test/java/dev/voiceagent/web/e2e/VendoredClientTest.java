package dev.voiceagent.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The page works offline: it loads the official Socket.IO client from this service, and that file is exactly the
 * one npm ships in the version the tests pin (src/test/node/package-lock.json).
 */
@QuarkusTest
@QuarkusTestResource(VoiceSystemResource.class)
class VendoredClientTest {

    @TestHTTPResource("/")
    URI gateway;

    @Test
    void theWidgetServesTheOfficialClientItself() throws Exception {
        String page = RestAssured.given().baseUri(gateway.toString()).get("/").then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("src=\"vendor/socket.io-4.8.3.min.js\"").doesNotContain("https://");
        byte[] served = RestAssured.given().baseUri(gateway.toString()).get("/vendor/socket.io-4.8.3.min.js")
                .then().statusCode(200).extract().asByteArray();
        NodeScript.installDependencies();
        byte[] published = Files.readAllBytes(Path.of("src/test/node/node_modules/socket.io-client/dist/socket.io.min.js"));
        assertThat(served).isEqualTo(published);
    }
}
