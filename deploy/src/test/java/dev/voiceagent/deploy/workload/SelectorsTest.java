package dev.voiceagent.deploy.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voiceagent.deploy.manifest.Bundle;
import dev.voiceagent.deploy.network.LabelSelectors;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.CrossVersionObjectReference;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What points at pods finds them: workload, Service and PDB selectors, and the autoscalers' targets. */
class SelectorsTest {

    @ParameterizedTest
    @MethodSource("dev.voiceagent.deploy.manifest.Bundle#variants")
    void workloadSelectorsMatchTheirOwnPods(Bundle bundle) {
        for (Deployment deployment : bundle.all(Deployment.class)) {
            assertSelects(deployment.getSpec().getSelector(), deployment.getMetadata().getName(), bundle);
        }
        for (StatefulSet statefulSet : bundle.all(StatefulSet.class)) {
            assertSelects(statefulSet.getSpec().getSelector(), statefulSet.getMetadata().getName(), bundle);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.voiceagent.deploy.manifest.Bundle#variants")
    void everyServiceReachesOneWorkloadOnAPortItListensOn(Bundle bundle) {
        for (Service service : bundle.all(Service.class)) {
            String name = service.getMetadata().getName();
            List<String> selected = bundle.workloads().entrySet().stream()
                    .filter(w -> LabelSelectors.matches(service.getSpec().getSelector(),
                            w.getValue().getMetadata().getLabels()))
                    .map(Map.Entry::getKey).toList();
            assertThat(selected).as("workloads behind Service %s", name).hasSize(1);
            Container container = Pods.mainContainer(bundle.workloads().get(selected.get(0)), selected.get(0));
            for (ServicePort port : service.getSpec().getPorts()) {
                assertThat(Pods.resolve(port.getTargetPort(), container)).as("Service %s targetPort", name)
                        .isIn(container.getPorts().stream().map(ContainerPort::getContainerPort).toList());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dev.voiceagent.deploy.manifest.Bundle#variants")
    void everyDisruptionBudgetCoversTheWorkloadOfItsName(Bundle bundle) {
        for (PodDisruptionBudget budget : bundle.all(PodDisruptionBudget.class)) {
            assertSelects(budget.getSpec().getSelector(), budget.getMetadata().getName(), bundle);
        }
        for (String workload : List.of("telephony-gateway", "web-gateway", "realtime-core")) {
            assertThat(bundle.get(PodDisruptionBudget.class, workload).getSpec().getMaxUnavailable().getIntVal())
                    .as("%s drains one pod at a time", workload).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.voiceagent.deploy.manifest.Bundle#variants")
    void autoscalersTargetDeploymentsThatLeaveTheReplicaCountToThem(Bundle bundle) {
        for (HorizontalPodAutoscaler autoscaler : bundle.all(HorizontalPodAutoscaler.class)) {
            CrossVersionObjectReference target = autoscaler.getSpec().getScaleTargetRef();
            assertThat(target.getApiVersion() + " " + target.getKind()).isEqualTo("apps/v1 Deployment");
            Deployment deployment = bundle.get(Deployment.class, target.getName());
            // A replicas field would be re-applied by every `kubectl apply`, undoing the autoscaler's work.
            assertThat(deployment.getSpec().getReplicas()).as("replicas of autoscaled %s", target.getName()).isNull();
            assertThat(autoscaler.getSpec().getMinReplicas()).as("%s bounds", target.getName())
                    .isPositive().isLessThanOrEqualTo(autoscaler.getSpec().getMaxReplicas());
        }
    }

    /** The selector picks the pods of {@code workload} and of no other workload. */
    private static void assertSelects(LabelSelector selector, String workload, Bundle bundle) {
        List<String> selected = bundle.workloads().entrySet().stream()
                .filter(w -> LabelSelectors.matches(selector, w.getValue().getMetadata().getLabels()))
                .map(Map.Entry::getKey).toList();
        assertThat(selected).as("pods selected for %s", workload).containsExactly(workload);
    }
}
