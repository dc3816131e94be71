package dev.voiceagent.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentGraphTest {

    private static Agent agent(String name, String... handoffs) {
        return new Agent(name, "desc", "Hello {{caller}}, today is {{today}}.", List.of(), List.of(handoffs));
    }

    @Test
    void demoGraphStartsPhoneCallsAtThePhoneFrontDesk() {
        assertThat(DemoAgents.graph().entryAgent("phone").name()).isEqualTo(DemoAgents.FRONT_DESK_PHONE);
    }

    @Test
    void unknownHandoffTargetIsNamed() {
        assertThatThrownBy(() -> new AgentGraph(List.of(agent("a", "ghost")), Map.of("phone", "a")))
                .hasMessageContaining("'a'").hasMessageContaining("'ghost'");
    }

    @Test
    void unknownEntryAgentIsNamed() {
        assertThatThrownBy(() -> new AgentGraph(List.of(agent("a")), Map.of("phone", "b")))
                .hasMessageContaining("'b'");
    }

    @Test
    void duplicateAgentIsRefused() {
        assertThatThrownBy(() -> new AgentGraph(List.of(agent("a"), agent("a")), Map.of()))
                .hasMessageContaining("twice");
    }

    @Test
    void agentNamesMustBeUsableInToolNames() {
        assertThatThrownBy(() -> agent("front desk")).hasMessageContaining("front desk");
    }

    @Test
    void instructionsAreRenderedWithTheCallersContext() {
        String text = new CallerContext("+14155550100", LocalDate.of(2026, 11, 24), null).render(agent("a"));
        assertThat(text).isEqualTo("Hello +14155550100, today is 2026-11-24.");
    }

    @Test
    void anOutboundCallsContextIsAddedUnderItsOwnHeading() {
        String text = new CallerContext("+14155550100", LocalDate.of(2026, 11, 24), null,
                "Remind Jane of her booking on Friday.").render(agent("a"));
        assertThat(text).isEqualTo("Hello +14155550100, today is 2026-11-24.\n\n" + CallerContext.CALL_CONTEXT_HEADING
                + "Remind Jane of her booking on Friday.");
    }

    @Test
    void anAgentNoEntryAgentReachesIsNamed() {
        assertThatThrownBy(() -> new AgentGraph(List.of(agent("a"), agent("island")), Map.of("phone", "a")))
                .hasMessageContaining("'island'").hasMessageContaining("reached");
    }

    @Test
    void demoSpecialistsCanHandBackToTheFrontDesks() {
        AgentGraph graph = DemoAgents.graph();
        assertThat(graph.entryAgent("web").name()).isEqualTo(DemoAgents.FRONT_DESK_WEB);
        assertThat(graph.agent("hotel_booking").orElseThrow().handoffs()).contains(DemoAgents.FRONT_DESK_PHONE);
        assertThat(graph.agent("hotel_booking").orElseThrow().transferFunction()).isEqualTo("transfer_to_hotel_booking");
        assertThat(graph.agents()).hasSize(7);
    }

    @Test
    void anAgentWithoutSpeechOfItsOwnSpeaksWithItsChannelsVoiceAndSpeed() {
        assertThat(agent("a").speech()).isEqualTo(Speech.CHANNEL);
        Agent unset = new Agent("b", "desc", "Hi.", List.of(), List.of(), null);
        assertThat(unset.speech().voice()).isNull();
        assertThat(unset.speech().speed()).isNull();
        assertThat(Speech.voice("cedar").withSpeed(1.1)).isEqualTo(new Speech("cedar", 1.1));
    }

    @Test
    void theFrontDesksMayHandTheCallerToAPersonAndTheSpecialistsSendThemBack() {
        AgentGraph graph = DemoAgents.graph();
        assertThat(graph.entryAgent("phone").humanHandoff()).isEqualTo(HumanHandoff.DEFAULT);
        assertThat(graph.entryAgent("web").humanHandoff()).isEqualTo(HumanHandoff.DEFAULT);
        assertThat(graph.entryAgent("phone").instructions()).contains(HumanHandoff.FUNCTION);
        assertThat(graph.agent("hotel_booking").orElseThrow().humanHandoff()).isNull();
        assertThat(graph.agent("hotel_booking").orElseThrow().instructions()).doesNotContain(HumanHandoff.FUNCTION);
    }

    @Test
    void anAgentWhoseHandOffWouldShadowTheHumanTransferIsRefused() {
        assertThatThrownBy(() -> agent("human")).hasMessageContaining("transfer_to_human");
        assertThatThrownBy(() -> new HumanHandoff("billing desk")).hasMessageContaining("billing desk");
        assertThat(agent("a").withHumanHandoff(new HumanHandoff("billing")).humanHandoff().target())
                .isEqualTo("billing");
    }
}
