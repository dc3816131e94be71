package dev.voiceagent.deploy.secret;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voiceagent.deploy.manifest.Bundle;
import dev.voiceagent.deploy.manifest.Locations;
import dev.voiceagent.deploy.manifest.ManifestReader;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Internal authentication is wired in every variant: the core and both gateways share the internal secret, the core
 * holds a token mcp-tools accepts, the telephony gateway the tokens of its outbound calls API, each from the Secret
 * and required (a pod without it must not start), and no credential sits in a ConfigMap.
 */
class CredentialWiringTest {

    /** Each service and the credentials it cannot run without (production refuses to start when one is missing). */
    private static final Map<String, List<String>> CREDENTIALS = Map.of(
            "realtime-core", List.of("INTERNAL_AUTH_SECRET", "MCP_BOOKING_TOKEN"),
            "telephony-gateway", List.of("INTERNAL_AUTH_SECRET", "OUTBOUND_API_TOKENS"),
            "web-gateway", List.of("INTERNAL_AUTH_SECRET"),
            "mcp-tools", List.of("MCP_AUTH_TOKENS"));

    @ParameterizedTest
    @MethodSource("dev.voiceagent.deploy.manifest.Bundle#variants")
    void eachServiceReadsItsCredentialsFromTheSecret(Bundle bundle) {
        CREDENTIALS.forEach((workload, names) -> {
            PodTemplateSpec pod = bundle.workloads().get(workload);
            assertThat(pod).as("%s in %s", workload, bundle).isNotNull();
            Container container = pod.getSpec().getContainers().stream().filter(c -> c.getName().equals(workload))
                    .findFirst().orElseThrow();
            for (String name : names) {
                EnvVar variable = Objects.requireNonNullElse(container.getEnv(), List.<EnvVar>of()).stream()
                        .filter(v -> v.getName().equals(name)).findFirst().orElse(null);
                assertThat(variable).as("%s sets %s in %s", workload, name, bundle).isNotNull();
                assertThat(variable.getValue()).as("%s %s is no literal", workload, name).isNull();
                SecretKeySelector ref = variable.getValueFrom() == null ? null : variable.getValueFrom().getSecretKeyRef();
                assertThat(ref).as("%s reads %s from the Secret", workload, name).isNotNull();
                assertThat(ref.getName()).isEqualTo("voice-agent-secrets");
                assertThat(ref.getKey()).isEqualTo(name);
                assertThat(ref.getOptional()).as("%s %s is required", workload, name).isNotEqualTo(Boolean.TRUE);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("dev.voiceagent.deploy.manifest.Bundle#variants")
    void noConfigMapCarriesACredential(Bundle bundle) {
        List<String> credentials = CREDENTIALS.values().stream().flatMap(List::stream).toList();
        for (ConfigMap map : bundle.all(ConfigMap.class)) {
            assertThat(Objects.requireNonNullElse(map.getData(), Map.<String, String>of())).as(map.getMetadata().getName())
                    .doesNotContainKeys(credentials.toArray(String[]::new));
        }
    }

    @Test
    void theTemplateExplainsHowTheValuesRelate() {
        Secret template = (Secret) ManifestReader.read(Locations.SECRET_TEMPLATE).get(0);
        Map<String, String> values = template.getStringData();
        assertThat(Arrays.asList(values.get("MCP_AUTH_TOKENS").split(","))).as("the core's token is one mcp-tools accepts")
                .contains(values.get("MCP_BOOKING_TOKEN"));
        assertThat(values.get("INTERNAL_AUTH_SECRET")).as("a secret of its own, not the pre-warm signing key")
                .isNotEqualTo(values.get("SESSION_REF_SECRET"));
    }
}
