package dev.voiceagent.core.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.voiceagent.agents.Agent;
import dev.voiceagent.agents.AgentGraph;
import dev.voiceagent.agents.HumanHandoff;
import dev.voiceagent.agents.ToolReference;
import dev.voiceagent.core.mcp.McpServers;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;

/**
 * What an agent can call in the Realtime session: its MCP tools that are available now, one
 * {@code transfer_to_<agent>} function per agent it may hand off to, and {@code transfer_to_human} when it may hand
 * the caller to a person. Entry agents of other channels are left out, so a phone specialist hands back to the
 * phone front desk, never the web one.
 */
@ApplicationScoped
public class AgentTools {

    /** A function call the model made, resolved against the current agent. */
    public sealed interface Resolved {
    }

    public record Handoff(Agent target) implements Resolved {
    }

    public record McpTool(ToolReference reference, JsonNode schema) implements Resolved {
    }

    public record Unknown(String name) implements Resolved {
    }

    /** The caller is to be handed to a person; {@code schema} checks the arguments the model gave. */
    public record HumanTransfer(HumanHandoff handoff, JsonNode schema) implements Resolved {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectNode HUMAN_TRANSFER = humanTransferFunction();

    private final AgentGraph graph;
    private final McpServers servers;

    public AgentTools(AgentGraph graph, McpServers servers) {
        this.graph = graph;
        this.servers = servers;
    }

    /** The session's {@code tools} array for this agent on this channel. */
    public ArrayNode toolsFor(Agent agent, String channel) {
        ArrayNode tools = JSON.createArrayNode();
        for (ToolReference reference : agent.tools()) {
            servers.tool(reference).ifPresent(spec -> tools.addObject()
                    .put("type", "function")
                    .put("name", spec.name())
                    .put("description", spec.description() == null ? "" : spec.description())
                    .set("parameters", schemaOf(spec)));
        }
        for (Agent target : handoffTargets(agent, channel)) {
            ObjectNode transfer = tools.addObject()
                    .put("type", "function")
                    .put("name", target.transferFunction())
                    .put("description", "Hand the conversation to the " + target.name() + " agent. "
                            + target.description());
            transfer.putObject("parameters").put("type", "object").put("additionalProperties", false)
                    .putObject("properties");
        }
        if (agent.humanHandoff() != null) {
            tools.add(HUMAN_TRANSFER.deepCopy());
        }
        return tools;
    }

    /** What a function name means for the current agent. */
    public Resolved resolve(Agent agent, String channel, String functionName) {
        for (Agent target : handoffTargets(agent, channel)) {
            if (target.transferFunction().equals(functionName)) {
                return new Handoff(target);
            }
        }
        if (agent.humanHandoff() != null && HumanHandoff.FUNCTION.equals(functionName)) {
            return new HumanTransfer(agent.humanHandoff(), HUMAN_TRANSFER.get("parameters"));
        }
        for (ToolReference reference : agent.tools()) {
            if (reference.tool().equals(functionName)) {
                Optional<ToolSpecification> spec = servers.tool(reference);
                return new McpTool(reference, spec.map(AgentTools::schemaOf).orElse(null));
            }
        }
        return new Unknown(functionName);
    }

    private java.util.List<Agent> handoffTargets(Agent agent, String channel) {
        Set<String> otherEntries = new java.util.HashSet<>();
        for (String other : Set.of("phone", "web")) {
            if (!other.equals(channel)) {
                try {
                    otherEntries.add(graph.entryAgent(other).name());
                } catch (IllegalArgumentException noEntry) {
                    // this graph serves no such channel
                }
            }
        }
        return agent.handoffs().stream().filter(name -> !otherEntries.contains(name))
                .map(name -> graph.agent(name).orElseThrow()).toList();
    }

    /** The function that hands the caller to a person: the model writes the reason and the summary. */
    private static ObjectNode humanTransferFunction() {
        ObjectNode function = JSON.createObjectNode().put("type", "function").put("name", HumanHandoff.FUNCTION)
                .put("description", "Hand the caller to a person, a member of staff, when they ask for one or "
                        + "you cannot help them. The call is then connected to a colleague, who is told your summary.");
        ObjectNode parameters = function.putObject("parameters").put("type", "object")
                .put("additionalProperties", false);
        ObjectNode properties = parameters.putObject("properties");
        properties.putObject("reason").put("type", "string")
                .put("description", "Why the caller needs a person, in a few words.");
        properties.putObject("summary").put("type", "string")
                .put("description", "For the colleague taking over, two or three sentences: who is calling, what "
                        + "they want, and what you have done or found so far.");
        parameters.putArray("required").add("reason").add("summary");
        return function;
    }

    private static JsonNode schemaOf(ToolSpecification spec) {
        if (spec.parameters() == null) {
            return JSON.createObjectNode().put("type", "object").set("properties", JSON.createObjectNode());
        }
        return JSON.valueToTree(JsonSchemaElementUtils.toMap(spec.parameters()));
    }
}
