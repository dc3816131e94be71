package dev.voiceagent.deploy.manifest;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The kinds, at the API versions, that the manifests may use. Anything else (an unknown kind, or a known kind at a
 * version the model does not describe, such as autoscaling/v1) is refused rather than read loosely.
 */
final class Kinds {

    private static final Map<String, Class<? extends HasMetadata>> BY_API_VERSION_AND_KIND = Stream.of(
                    Namespace.class, ConfigMap.class, Secret.class, Service.class, Deployment.class,
                    StatefulSet.class, HorizontalPodAutoscaler.class, PodDisruptionBudget.class, NetworkPolicy.class,
                    Ingress.class, ServiceMonitor.class)
            .collect(Collectors.toMap(Kinds::key, Function.identity()));

    private Kinds() {
    }

    static Class<? extends HasMetadata> of(String apiVersion, String kind) {
        Class<? extends HasMetadata> type = BY_API_VERSION_AND_KIND.get(apiVersion + " " + kind);
        if (type == null) {
            throw new IllegalArgumentException("no model for apiVersion " + apiVersion + ", kind " + kind
                    + "; known: " + BY_API_VERSION_AND_KIND.keySet());
        }
        return type;
    }

    private static String key(Class<? extends HasMetadata> type) {
        return HasMetadata.getApiVersion(type) + " " + HasMetadata.getKind(type);
    }
}
