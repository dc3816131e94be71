package dev.voiceagent.deploy.network;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Whether the NetworkPolicies of a namespace let one pod connect to another on a port, by the Kubernetes rules for
 * ingress: a pod no policy selects accepts everything; a selected pod accepts what some selecting policy's rule
 * admits (source peer and port both). Egress is not restricted by these manifests, so it is not modelled.
 */
public final class NetworkFlows {

    /** A pod: its namespace's labels (with {@code kubernetes.io/metadata.name}) and its own labels. */
    public record Pod(Map<String, String> namespaceLabels, Map<String, String> labels) {

        public static Pod in(String namespace, Map<String, String> labels) {
            return new Pod(Map.of("kubernetes.io/metadata.name", namespace), labels);
        }

        String namespace() {
            return namespaceLabels.get("kubernetes.io/metadata.name");
        }
    }

    private final List<NetworkPolicy> policies;
    private final String namespace;

    /** The policies of {@code namespace}, where the kustomization puts them all. */
    public NetworkFlows(List<NetworkPolicy> policies, String namespace) {
        this.policies = policies;
        this.namespace = namespace;
    }

    public boolean admits(Pod from, Pod to, int port) {
        if (!to.namespace().equals(namespace)) {
            throw new IllegalArgumentException("only pods in " + namespace + " are governed by these policies");
        }
        List<NetworkPolicy> selecting = policies.stream()
                .filter(policy -> governsIngress(policy) && LabelSelectors.matches(policy.getSpec().getPodSelector(),
                        to.labels()))
                .toList();
        return selecting.isEmpty() || selecting.stream()
                .flatMap(policy -> Objects.requireNonNullElse(policy.getSpec().getIngress(),
                        List.<NetworkPolicyIngressRule>of()).stream())
                .anyMatch(rule -> admitsSource(rule, from) && admitsPort(rule, port));
    }

    private static boolean governsIngress(NetworkPolicy policy) {
        List<String> types = policy.getSpec().getPolicyTypes();
        return types == null || types.isEmpty() || types.contains("Ingress");
    }

    private boolean admitsSource(NetworkPolicyIngressRule rule, Pod from) {
        List<NetworkPolicyPeer> peers = rule.getFrom();
        return peers == null || peers.isEmpty() || peers.stream().anyMatch(peer -> matches(peer, from));
    }

    private boolean matches(NetworkPolicyPeer peer, Pod from) {
        if (peer.getIpBlock() != null) {
            return false; // CIDRs describe traffic from outside the cluster's pods
        }
        boolean namespaceMatches = peer.getNamespaceSelector() == null
                ? from.namespace().equals(namespace)
                : LabelSelectors.matches(peer.getNamespaceSelector(), from.namespaceLabels());
        boolean podMatches = peer.getPodSelector() == null
                || LabelSelectors.matches(peer.getPodSelector(), from.labels());
        return namespaceMatches && podMatches;
    }

    private static boolean admitsPort(NetworkPolicyIngressRule rule, int port) {
        List<NetworkPolicyPort> ports = rule.getPorts();
        return ports == null || ports.isEmpty() || ports.stream().anyMatch(p -> covers(p, port));
    }

    private static boolean covers(NetworkPolicyPort policyPort, int port) {
        IntOrString allowed = policyPort.getPort();
        if (allowed == null) {
            return true;
        }
        if (allowed.getIntVal() == null) {
            throw new IllegalArgumentException("named port " + allowed.getStrVal() + ": use numbers in the policies");
        }
        int last = Objects.requireNonNullElse(policyPort.getEndPort(), allowed.getIntVal());
        return port >= allowed.getIntVal() && port <= last;
    }
}
