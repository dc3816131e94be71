package dev.voiceagent.deploy.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.voiceagent.deploy.manifest.Bundle;
import dev.voiceagent.deploy.service.ServiceModule;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Public paths reach the right gateway, and nothing else of the system is public. */
class IngressTest {

    @ParameterizedTest
    @MethodSource("dev.voiceagent.deploy.manifest.Bundle#variants")
    void publicPathsReachTheirGateway(Bundle bundle) {
        assertThat(route(bundle, "/incoming-call")).contains("telephony-gateway");
        assertThat(route(bundle, "/media-stream")).contains("telephony-gateway");
        assertThat(route(bundle, "/outbound-call/status")).contains("telephony-gateway");
        assertThat(route(bundle, "/v1/calls")).contains("telephony-gateway");
        assertThat(route(bundle, "/v1/calls/CA0123")).contains("telephony-gateway");
        assertThat(route(bundle, "/transfer/dial-result")).contains("telephony-gateway");
        assertThat(route(bundle, "/transfer/whisper")).contains("telephony-gateway");
        assertThat(route(bundle, "/realtime-voice/")).contains("web-gateway");
        assertThat(route(bundle, "/")).contains("web-gateway");
        assertThat(route(bundle, "/voice-widget.js")).as("the script sites embed").contains("web-gateway");
        for (String file : ServiceModule.named("web-gateway").staticPaths()) {
            assertThat(route(bundle, file)).as("widget file %s", file).contains("web-gateway");
        }
    }

    /**
     * Health, metrics and the OpenAPI document share the HTTP port, so the Ingress must not route them; the core is
     * internal.
     */
    @ParameterizedTest
    @MethodSource("dev.voiceagent.deploy.manifest.Bundle#variants")
    void internalPathsAreNotRouted(Bundle bundle) {
        for (String path : List.of("/q/metrics", "/q/health/ready", "/q/openapi", "/q/swagger-ui", "/v1/prewarm",
                "/v1/conversations", "/mcp")) {
            assertThat(route(bundle, path)).as(path).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("dev.voiceagent.deploy.manifest.Bundle#variants")
    void backendsAreServicePortsThatExist(Bundle bundle) {
        for (Ingress ingress : bundle.all(Ingress.class)) {
            for (HTTPIngressPath path : paths(ingress)) {
                IngressServiceBackend backend = path.getBackend().getService();
                Service service = bundle.get(Service.class, backend.getName());
                assertThat(service.getSpec().getPorts()).as("%s backend port", path.getPath())
                        .anyMatch(port -> port.getName().equals(backend.getPort().getName()));
            }
        }
    }

    /** Calls last long on a websocket; Socket.IO long-polling must return to the pod holding its session. */
    @ParameterizedTest
    @MethodSource("dev.voiceagent.deploy.manifest.Bundle#variants")
    void timeoutsOfAnHourAndCookieAffinityForPolling(Bundle bundle) {
        for (Ingress ingress : bundle.all(Ingress.class)) {
            Map<String, String> annotations = ingress.getMetadata().getAnnotations();
            for (String timeout : List.of("proxy-read-timeout", "proxy-send-timeout")) {
                assertThat(Integer.parseInt(annotations.get("nginx.ingress.kubernetes.io/" + timeout)))
                        .as("%s %s", ingress.getMetadata().getName(), timeout).isGreaterThanOrEqualTo(3600);
            }
        }
        assertThat(bundle.get(Ingress.class, "web-gateway").getMetadata().getAnnotations())
                .containsEntry("nginx.ingress.kubernetes.io/affinity", "cookie");
    }

    /** The Service a request path reaches, by Ingress rules: an exact match first, else the longest prefix. */
    private static Optional<String> route(Bundle bundle, String requestPath) {
        List<HTTPIngressPath> candidates = bundle.all(Ingress.class).stream().flatMap(i -> paths(i).stream())
                .filter(path -> matches(path, requestPath)).toList();
        return candidates.stream()
                .max(Comparator.comparing((HTTPIngressPath p) -> p.getPathType().equals("Exact"))
                        .thenComparing(p -> p.getPath().length()))
                .map(path -> path.getBackend().getService().getName());
    }

    private static boolean matches(HTTPIngressPath path, String requestPath) {
        String p = path.getPath();
        return switch (path.getPathType()) {
            case "Exact" -> requestPath.equals(p);
            case "Prefix" -> p.equals("/") || requestPath.equals(p)
                    || requestPath.startsWith(p.replaceAll("/$", "") + "/");
            default -> throw new IllegalArgumentException("pathType " + path.getPathType() + " is not portable");
        };
    }

    private static List<HTTPIngressPath> paths(Ingress ingress) {
        return ingress.getSpec().getRules().stream().flatMap(rule -> rule.getHttp().getPaths().stream()).toList();
    }
}
