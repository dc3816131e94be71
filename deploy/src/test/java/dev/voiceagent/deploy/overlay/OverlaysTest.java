package dev.voiceagent.deploy.overlay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voiceagent.deploy.manifest.Bundle;
import dev.voiceagent.deploy.service.ServiceModule;
import dev.voiceagent.deploy.workload.Pods;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What each overlay changes, checked on kustomize's rendering of it. */
class OverlaysTest {

    private static final List<String> CALL_PATH = List.of("telephony-gateway", "web-gateway", "realtime-core");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void everythingLandsInTheOverlaysOwnNamespace(String overlay) {
        Bundle bundle = Bundle.overlay(overlay);
        assertThat(bundle.get(Namespace.class, bundle.namespace())).isNotNull();
        assertThat(bundle.resources()).filteredOn(r -> !(r instanceof Namespace))
                .allSatisfy(r -> assertThat(r.getMetadata().getNamespace()).isEqualTo(bundle.namespace()));
        assertThat(bundle.get(ConfigMap.class, "voice-agent-dashboard").getMetadata().getLabels())
                .containsEntry("grafana_dashboard", "1");
    }

    @Test
    void devRunsOnePodOfEachOnTheOfflineModel() {
        Bundle dev = Bundle.overlay("dev");
        for (HorizontalPodAutoscaler autoscaler : dev.all(HorizontalPodAutoscaler.class)) {
            assertThat(autoscaler.getSpec().getMinReplicas()).isEqualTo(1);
            assertThat(autoscaler.getSpec().getMaxReplicas()).isEqualTo(1);
        }
        assertThat(dev.get(StatefulSet.class, "postgres").getSpec().getReplicas()).isEqualTo(1);
        assertThat(dev.get(ConfigMap.class, "realtime-core-config").getData())
                .containsEntry("OPENAI_PROVIDER", "loopback");
    }

    @Test
    void productionPullsVersionedImagesFromItsRegistry() {
        Bundle production = Bundle.overlay("production");
        for (ServiceModule module : ServiceModule.all()) {
            assertThat(container(production, module.name()).getImage())
                    .startsWith("registry.example.com/voice-agent/" + module.name() + ":")
                    .doesNotContain("SNAPSHOT");
        }
    }

    @Test
    void productionDrainsForTenMinutes() {
        Bundle production = Bundle.overlay("production");
        for (String name : CALL_PATH) {
            assertThat(Pods.env(container(production, name), "DRAIN_GRACE_PERIOD")).get()
                    .satisfies(variable -> assertThat(variable.getValue()).isEqualTo("600s"));
        }
    }

    @Test
    void productionHasMorePodsAndHigherLimitsThanTheBase() {
        Bundle base = Bundle.base();
        Bundle production = Bundle.overlay("production");
        for (String name : CALL_PATH) {
            var baseBounds = base.get(HorizontalPodAutoscaler.class, name).getSpec();
            var bounds = production.get(HorizontalPodAutoscaler.class, name).getSpec();
            assertThat(bounds.getMinReplicas()).as("%s minReplicas", name).isGreaterThan(baseBounds.getMinReplicas());
            assertThat(bounds.getMaxReplicas()).as("%s maxReplicas", name).isGreaterThan(baseBounds.getMaxReplicas());
        }
        for (ServiceModule module : ServiceModule.all()) {
            for (String resource : List.of("cpu", "memory")) {
                assertThat(limit(production, module.name(), resource)).as("%s %s limit", module.name(), resource)
                        .isGreaterThanOrEqualTo(limit(base, module.name(), resource));
            }
        }
    }

    /**
     * Production admits only widgets holding an access token, counts limits per client address behind the ingress,
     * and never lets pages on a developer's machine (localhost, 127.0.0.1) connect.
     */
    @Test
    void productionRequiresAccessTokensAndNeverAllowsLocalPages() {
        Map<String, String> web = Bundle.overlay("production").get(ConfigMap.class, "web-gateway-config").getData();
        assertThat(web).containsEntry("WEB_ACCESS_REQUIRED", "true").containsEntry("WEB_TRUST_FORWARDED_FOR", "true");
        assertThat(web.getOrDefault("WEB_ALLOW_LOCAL_ORIGINS", "false")).isEqualTo("false");
        assertThat(web.getOrDefault("WEB_ALLOWED_ORIGINS", "")).doesNotContain("localhost", "127.0.0.1", "*");
        Container gateway = container(Bundle.overlay("production"), "web-gateway");
        assertThat(Pods.env(gateway, "WEB_ACCESS_SECRET")).get()
                .satisfies(variable -> assertThat(variable.getValueFrom().getSecretKeyRef().getName())
                        .isEqualTo("voice-agent-secrets"));
    }

    /** Twilio signs and connects to the host in TWILIO_WEBHOOK_URL: the Ingress must serve it, over TLS. */
    @Test
    void productionServesTheTwilioHostOverTls() {
        Bundle production = Bundle.overlay("production");
        String host = URI.create(production.get(ConfigMap.class, "telephony-gateway-config").getData()
                .get("TWILIO_WEBHOOK_URL")).getHost();
        for (Ingress ingress : production.all(Ingress.class)) {
            assertThat(ingress.getSpec().getRules()).allSatisfy(rule -> assertThat(rule.getHost()).isEqualTo(host));
            assertThat(ingress.getSpec().getTls()).anySatisfy(tls -> assertThat(tls.getHosts()).contains(host));
        }
    }

    private static Container container(Bundle bundle, String name) {
        return Pods.mainContainer(bundle.get(Deployment.class, name).getSpec().getTemplate(), name);
    }

    private static BigDecimal limit(Bundle bundle, String name, String resource) {
        return Quantity.getAmountInBytes(container(bundle, name).getResources().getLimits().get(resource));
    }
}
