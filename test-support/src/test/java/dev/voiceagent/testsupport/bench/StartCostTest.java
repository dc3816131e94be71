package dev.voiceagent.testsupport.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StartCostTest {

    /**
     * Ten calls costing 15 CPU-ms to start and 2 CPU-ms per second of relay in the gateway, 1 ms of it JIT per start,
     * with 4 CPU-ms per second of idle work beside them.
     */
    @Test
    void startIsWhatAShortCallCostsBeyondItsRelayWithIdleTakenOut() {
        Map<String, Object> shortRun = run(10 * 2.0, 10, 10 * 15 + 2 * 20 + 4 * 10, 10);
        Map<String, Object> longRun = run(10 * 20.0, 30, 10 * 15 + 2 * 200 + 4 * 30, 10);

        Map<String, Object> cost = StartCost.of(shortRun, longRun, 10);

        assertThat((double) cost.get("startCpuMsPerCall")).isCloseTo(15, within(1e-9));
        assertThat((double) cost.get("relayCpuMsPerCallSecond")).isCloseTo(2, within(1e-9));
        assertThat((double) cost.get("startCpuMsPerCallWithoutJit")).isCloseTo(14, within(1e-9));
        assertThat((double) cost.get("twoSecondCallCpuMs")).isCloseTo(19, within(1e-9));
    }

    private static Map<String, Object> run(double callSeconds, double seconds, long gatewayCpu, long gatewayJit) {
        return Map.of("callSeconds", callSeconds, "seconds", seconds,
                "cpuMs", Map.of("gateway", gatewayCpu, "loadGenerator", 999L, "services", (double) gatewayCpu),
                "jitCpuMs", Map.of("gateway", gatewayJit, "loadGenerator", 99L),
                "idleCpuMsPerSecond", Map.of("gateway", 4.0, "services", 4.0));
    }
}
