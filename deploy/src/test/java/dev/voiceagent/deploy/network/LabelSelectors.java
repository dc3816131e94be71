package dev.voiceagent.deploy.network;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Kubernetes label selectors: matchLabels and matchExpressions must all hold; an empty selector matches all. */
public final class LabelSelectors {

    private LabelSelectors() {
    }

    public static boolean matches(LabelSelector selector, Map<String, String> labels) {
        Map<String, String> matchLabels = Objects.requireNonNullElse(selector.getMatchLabels(), Map.of());
        List<LabelSelectorRequirement> expressions =
                Objects.requireNonNullElse(selector.getMatchExpressions(), List.of());
        return matches(matchLabels, labels) && expressions.stream().allMatch(e -> holds(e, labels));
    }

    /** A Service's selector: plain equality on every label it names. */
    public static boolean matches(Map<String, String> matchLabels, Map<String, String> labels) {
        Map<String, String> present = Objects.requireNonNullElse(labels, Map.of());
        return matchLabels.entrySet().stream().allMatch(e -> e.getValue().equals(present.get(e.getKey())));
    }

    private static boolean holds(LabelSelectorRequirement requirement, Map<String, String> labels) {
        String value = Objects.requireNonNullElse(labels, Map.<String, String>of()).get(requirement.getKey());
        return switch (requirement.getOperator()) {
            case "In" -> value != null && requirement.getValues().contains(value);
            case "NotIn" -> value == null || !requirement.getValues().contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> throw new IllegalArgumentException("unknown selector operator " + requirement.getOperator());
        };
    }
}
