package dev.voiceagent.testsupport.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A fake MCP server over Streamable HTTP (JSON responses), strict about the transport: POSTs must accept both
 * {@code application/json} and {@code text/event-stream}, and every request after {@code initialize} must carry
 * the {@code Mcp-Session-Id} it was given. Tools are scripted by the test: a JSON schema and an answer (possibly
 * slow, possibly an error). Records every tool call.
 */
public final class FakeMcpServer implements AutoCloseable {

    /** A scripted tool: its input schema and how it answers a call's arguments. */
    public record Tool(String name, String description, ObjectNode inputSchema, Duration delay,
            Function<JsonNode, Answer> answer) {
    }

    public record Answer(String text, boolean isError) {
    }

    public record Call(String tool, JsonNode arguments) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Vertx vertx;
    private final HttpServer server;
    private final Map<String, Tool> tools = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final Map<String, Boolean> sessions = new ConcurrentHashMap<>();

    private FakeMcpServer(Vertx vertx) {
        this.vertx = vertx;
        this.server = vertx.createHttpServer().requestHandler(this::handle);
    }

    public static FakeMcpServer start(Vertx vertx) {
        return start(vertx, 0);
    }

    /** Starts on a given port, e.g. to play a server that comes back where it used to be. */
    public static FakeMcpServer start(Vertx vertx, int port) {
        FakeMcpServer fake = new FakeMcpServer(vertx);
        fake.server.listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
        return fake;
    }

    /** Declares {@code name} or {@code name:type} in a schema's properties; returns the name. */
    private static String declare(ObjectNode properties, String argument) {
        String[] nameAndType = argument.split(":", 2);
        properties.putObject(nameAndType[0]).put("type", nameAndType.length == 2 ? nameAndType[1] : "string");
        return nameAndType[0];
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.actualPort() + "/mcp");
    }

    /**
     * Adds a tool; its arguments are strings unless typed as {@code name:type} (e.g. {@code guests:integer}), the
     * {@code required} ones required.
     */
    public FakeMcpServer tool(String name, List<String> required, List<String> optional, Duration delay,
            Function<JsonNode, Answer> answer) {
        ObjectNode schema = JSON.createObjectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode requiredNode = schema.putArray("required");
        for (String argument : required) {
            requiredNode.add(declare(properties, argument));
        }
        optional.forEach(argument -> declare(properties, argument));
        tools.put(name, new Tool(name, "Fake tool " + name, schema, delay, answer));
        return this;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<String> violations() {
        return List.copyOf(violations);
    }

    private void handle(HttpServerRequest request) {
        if (!request.path().equals("/mcp")) {
            request.response().setStatusCode(404).end();
            return;
        }
        if (request.method() == HttpMethod.DELETE) {
            sessions.remove(String.valueOf(request.getHeader("Mcp-Session-Id")));
            request.response().setStatusCode(200).end();
            return;
        }
        if (request.method() != HttpMethod.POST) {
            request.response().setStatusCode(405).end(); // no server-initiated stream here; the spec allows 405
            return;
        }
        String accept = String.valueOf(request.getHeader("Accept"));
        if (!accept.contains("application/json") || !accept.contains("text/event-stream")) {
            violations.add("Accept must list application/json and text/event-stream, was " + accept);
            request.response().setStatusCode(406).end();
            return;
        }
        request.body().onSuccess(body -> {
            JsonNode message;
            try {
                message = JSON.readTree(body.toString());
            } catch (Exception e) {
                reply(request, error(null, -32700, "parse error"));
                return;
            }
            String method = message.path("method").asText();
            String session = request.getHeader("Mcp-Session-Id");
            if (!method.equals("initialize") && (session == null || !sessions.containsKey(session))) {
                violations.add(method + " without a valid Mcp-Session-Id");
                request.response().setStatusCode(session == null ? 400 : 404).end();
                return;
            }
            dispatch(request, message, method);
        });
    }

    private void dispatch(HttpServerRequest request, JsonNode message, String method) {
        JsonNode id = message.get("id");
        switch (method) {
            case "initialize" -> {
                String session = UUID.randomUUID().toString();
                sessions.put(session, true);
                ObjectNode result = JSON.createObjectNode()
                        .put("protocolVersion", message.path("params").path("protocolVersion").asText("2025-03-26"));
                result.putObject("capabilities").putObject("tools").put("listChanged", true);
                result.putObject("serverInfo").put("name", "fake-mcp").put("version", "1");
                request.response().putHeader("Mcp-Session-Id", session);
                reply(request, result(id, result));
            }
            case "notifications/initialized" -> request.response().setStatusCode(202).end();
            case "ping" -> reply(request, result(id, JSON.createObjectNode()));
            case "tools/list" -> {
                ObjectNode result = JSON.createObjectNode();
                ArrayNode list = result.putArray("tools");
                tools.values().forEach(tool -> list.addObject().put("name", tool.name())
                        .put("description", tool.description()).set("inputSchema", tool.inputSchema()));
                reply(request, result(id, result));
            }
            case "tools/call" -> callTool(request, id, message.path("params"));
            default -> reply(request, error(id, -32601, "method not found: " + method));
        }
    }

    private void callTool(HttpServerRequest request, JsonNode id, JsonNode params) {
        Tool tool = tools.get(params.path("name").asText());
        if (tool == null) {
            reply(request, error(id, -32602, "unknown tool " + params.path("name").asText()));
            return;
        }
        calls.add(new Call(tool.name(), params.path("arguments")));
        Runnable answer = () -> {
            Answer outcome = tool.answer().apply(params.path("arguments"));
            ObjectNode result = JSON.createObjectNode().put("isError", outcome.isError());
            result.putArray("content").addObject().put("type", "text").put("text", outcome.text());
            reply(request, result(id, result));
        };
        if (tool.delay().isZero()) {
            answer.run();
        } else {
            vertx.setTimer(tool.delay().toMillis(), t -> answer.run());
        }
    }

    private static ObjectNode result(JsonNode id, JsonNode result) {
        ObjectNode response = JSON.createObjectNode().put("jsonrpc", "2.0");
        response.set("id", id);
        response.set("result", result);
        return response;
    }

    private static ObjectNode error(JsonNode id, int code, String message) {
        ObjectNode response = JSON.createObjectNode().put("jsonrpc", "2.0");
        response.set("id", id);
        response.putObject("error").put("code", code).put("message", message);
        return response;
    }

    private static void reply(HttpServerRequest request, ObjectNode body) {
        if (!request.response().ended()) {
            request.response().putHeader("Content-Type", "application/json").end(body.toString());
        }
    }

    @Override
    public void close() {
        server.close().toCompletionStage().toCompletableFuture().join();
    }
}
