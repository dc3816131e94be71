package dev.voiceagent.mcptools;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.voiceagent.testsupport.metrics.Exposition;
import dev.voiceagent.testsupport.metrics.MetricsContract;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code /mcp} serves only clients with a bearer token it knows (MCP's authorization model), and counts refusals in a
 * metric that says what it counts; probes stay open.
 */
@QuarkusTest
class McpAccessTest {

    private static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-03-26","capabilities":{},
            "clientInfo":{"name":"test","version":"1"}}}""";

    @TestHTTPResource("/mcp")
    URI mcpUrl;

    private io.restassured.specification.RequestSpecification initialize() {
        return given().contentType("application/json").accept("application/json, text/event-stream").body(INITIALIZE);
    }

    @Test
    void anAnonymousClientGetsABearerChallenge() {
        double before = refused("missing");
        initialize().when().post("/mcp").then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"mcp-tools\""));
        given().when().get("/mcp/sse").then().statusCode(401);
        assertThat(refused("missing")).isEqualTo(before + 2);
        MetricsContract.assertDocumentedAndAggregatable(scrape(), "voice_mcp_");
    }

    @Test
    void aWrongTokenIsAnInvalidToken() {
        double before = refused("unknown");
        initialize().header("Authorization", "Bearer mcp-tools-test-token-but-longer").when().post("/mcp")
                .then().statusCode(401).header("WWW-Authenticate", containsString("error=\"invalid_token\""));
        initialize().header("Authorization", "Basic bWNwOm1jcA==").when().post("/mcp").then().statusCode(401);
        assertThat(refused("unknown")).isEqualTo(before + 1);
    }

    @Test
    void eachConfiguredTokenIsAccepted() {
        for (String token : new String[] {McpTestClient.TOKEN, "mcp-tools-rotated-token"}) {
            McpTestClient client = new McpTestClient(mcpUrl, token);
            assertThat(McpTestClient.text(client.call("get_phone_session", Map.of("phoneNumber", "+14000000000"))))
                    .contains("Holiday Inn");
        }
    }

    @Test
    void probesNeedNoToken() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
    }

    private static Exposition scrape() {
        return Exposition.parse(given().when().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    private static double refused(String reason) {
        Exposition metrics = scrape();
        return !metrics.families().containsKey("voice_mcp_auth_refused") ? 0
                : metrics.family("voice_mcp_auth_refused").samples().stream()
                        .filter(s -> reason.equals(s.labels().get("reason"))).mapToDouble(Exposition.Sample::value).sum();
    }
}
