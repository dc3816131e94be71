package dev.voiceagent.deploy.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voiceagent.deploy.manifest.Bundle;
import dev.voiceagent.deploy.network.NetworkFlows.Pod;
import dev.voiceagent.deploy.service.ServiceModule;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The NetworkPolicies admit exactly the flows of a call, the ingress controller's and Prometheus's. */
class NetworkPolicyTest {

    @ParameterizedTest
    @MethodSource("dev.voiceagent.deploy.manifest.Bundle#variants")
    void workloadsReachEachOtherOnlyAlongTheCallPath(Bundle bundle) {
        Set<String> admitted = new TreeSet<>();
        bundle.workloads().forEach((from, fromTemplate) -> admittedTargets(bundle, pod(bundle, fromTemplate))
                .forEach(to -> admitted.add(from + " -> " + to)));
        assertThat(admitted).containsExactlyInAnyOrder(
                "telephony-gateway -> realtime-core",
                "web-gateway -> realtime-core",
                "realtime-core -> mcp-tools",
                "mcp-tools -> postgres");
    }

    @ParameterizedTest
    @MethodSource("dev.voiceagent.deploy.manifest.Bundle#variants")
    void theIngressControllerReachesOnlyTheGateways(Bundle bundle) {
        Pod controller = Pod.in("ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx"));
        assertThat(admittedTargets(bundle, controller)).containsExactlyInAnyOrder("telephony-gateway", "web-gateway");
    }

    /** The one exception to the call path: metrics are served on each service's HTTP port. */
    @ParameterizedTest
    @MethodSource("dev.voiceagent.deploy.manifest.Bundle#variants")
    void prometheusReachesEveryServiceButNotTheDatabase(Bundle bundle) {
        Pod prometheus = Pod.in("monitoring", Map.of("app.kubernetes.io/name", "prometheus"));
        assertThat(admittedTargets(bundle, prometheus))
                .containsExactlyInAnyOrderElementsOf(ServiceModule.all().stream().map(ServiceModule::name).toList());
    }

    @ParameterizedTest
    @MethodSource("dev.voiceagent.deploy.manifest.Bundle#variants")
    void anyOtherPodReachesNothing(Bundle bundle) {
        assertThat(admittedTargets(bundle, Pod.in(bundle.namespace(), Map.of("app", "debug")))).isEmpty();
        assertThat(admittedTargets(bundle, Pod.in("elsewhere", Map.of("app.kubernetes.io/name", "realtime-core"))))
                .isEmpty();
    }

    /** The workloads {@code from} may connect to, each on the port its container listens on. */
    private static Set<String> admittedTargets(Bundle bundle, Pod from) {
        NetworkFlows flows = new NetworkFlows(bundle.all(NetworkPolicy.class), bundle.namespace());
        Set<String> targets = new TreeSet<>();
        bundle.workloads().forEach((to, template) -> {
            int port = template.getSpec().getContainers().get(0).getPorts().get(0).getContainerPort();
            if (flows.admits(from, pod(bundle, template), port)) {
                targets.add(to);
            }
        });
        return targets;
    }

    private static Pod pod(Bundle bundle, PodTemplateSpec template) {
        return Pod.in(bundle.namespace(), template.getMetadata().getLabels());
    }
}
