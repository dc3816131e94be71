package dev.voiceagent.deploy.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voiceagent.deploy.manifest.Bundle;
import dev.voiceagent.deploy.service.ServiceModule;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A rollout never cuts a call: pods leave the endpoints before SIGTERM, then have time to drain and say goodbye
 * before Kubernetes kills them, and new pods are ready before old ones go.
 */
class DrainTest {

    /** The services that hold calls; they drain for DRAIN_GRACE_PERIOD after SIGTERM. */
    private static final List<String> DRAINING = List.of("telephony-gateway", "web-gateway", "realtime-core");

    /** Left after the drain for the goodbyes said to calls still on, and the JVM's exit. */
    private static final long GOODBYE_SECONDS = 10;

    @ParameterizedTest
    @MethodSource("dev.voiceagent.deploy.manifest.Bundle#variants")
    void terminationGracePeriodCoversPreStopDrainAndGoodbye(Bundle bundle) {
        for (String name : DRAINING) {
            PodTemplateSpec template = bundle.get(Deployment.class, name).getSpec().getTemplate();
            Container container = Pods.mainContainer(template, name);
            EnvVar grace = Pods.env(container, "DRAIN_GRACE_PERIOD")
                    .orElseThrow(() -> new AssertionError(name + " sets no DRAIN_GRACE_PERIOD"));
            long needed = preStopSleep(container, name) + quarkusDuration(grace.getValue()).toSeconds()
                    + GOODBYE_SECONDS;
            assertThat(template.getSpec().getTerminationGracePeriodSeconds())
                    .as("%s terminationGracePeriodSeconds", name).isGreaterThanOrEqualTo(needed);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.voiceagent.deploy.manifest.Bundle#variants")
    void everyServiceSleepsBeforeSigtermWithoutAShell(Bundle bundle) {
        for (ServiceModule module : ServiceModule.all()) {
            Container container = Pods.mainContainer(
                    bundle.get(Deployment.class, module.name()).getSpec().getTemplate(), module.name());
            assertThat(preStopSleep(container, module.name())).as("%s preStop sleep", module.name()).isPositive();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.voiceagent.deploy.manifest.Bundle#variants")
    void rolloutsAddPodsBeforeRemovingAny(Bundle bundle) {
        for (String name : DRAINING) {
            var rollingUpdate = bundle.get(Deployment.class, name).getSpec().getStrategy().getRollingUpdate();
            assertThat(rollingUpdate.getMaxUnavailable().getIntVal()).as("%s maxUnavailable", name).isZero();
        }
    }

    /** The native sleep action: the images need no shell for it. */
    private static long preStopSleep(Container container, String name) {
        LifecycleHandler preStop = container.getLifecycle() == null ? null : container.getLifecycle().getPreStop();
        assertThat(preStop).as("%s preStop hook", name).isNotNull();
        assertThat(preStop.getExec()).as("%s preStop needs no shell", name).isNull();
        assertThat(preStop.getSleep()).as("%s preStop sleep action", name).isNotNull();
        return preStop.getSleep().getSeconds();
    }

    /** Quarkus's short duration form, as DRAIN_GRACE_PERIOD is written: 30s, 10m, 1h30m. */
    private static Duration quarkusDuration(String value) {
        return Duration.parse("PT" + value.toUpperCase(Locale.ROOT));
    }
}
