package dev.voiceagent.deploy.manifest;

import java.nio.file.Path;

/** Where the manifests and the services' sources are: given by Maven, or found from the working directory. */
public final class Locations {

    public static final Path DEPLOY = Path.of(System.getProperty("deploy.dir", "")).toAbsolutePath().normalize();
    public static final Path PROJECT_ROOT = Path.of(System.getProperty("project.root", DEPLOY.resolve("..").toString()))
            .toAbsolutePath().normalize();
    public static final Path BASE = DEPLOY.resolve("base");
    public static final Path OVERLAYS = DEPLOY.resolve("overlays");
    public static final Path SECRET_TEMPLATE = BASE.resolve("secret.example.yaml");
    public static final Path DASHBOARD = DEPLOY.resolve("grafana/voice-agent-dashboard.json");

    private Locations() {
    }
}
