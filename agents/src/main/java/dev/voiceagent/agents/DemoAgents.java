package dev.voiceagent.agents;

import java.util.List;
import java.util.Map;

/** The demo graph shipped with the project. Replace it with your own agents; the engine does not change. */
public final class DemoAgents {

    public static final String FRONT_DESK_PHONE = "front_desk_phone";

    private DemoAgents() {
    }

    public static AgentGraph graph() {
        Agent frontDeskPhone = new Agent(FRONT_DESK_PHONE,
                "Answers phone calls for the travel agency and finds out what the caller needs.",
                """
                You are the front desk of a travel agency, answering a phone call.
                Today is {{today}}. The caller's number is {{caller}}.
                Greet the caller warmly in one short sentence and ask how you can help.
                Keep every turn short: one or two sentences, plain words, no lists, no markdown.
                If you are unsure what the caller said, ask them to repeat it.
                """,
                List.of(), List.of());
        return new AgentGraph(List.of(frontDeskPhone), Map.of("phone", FRONT_DESK_PHONE));
    }
}
