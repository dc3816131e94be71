package dev.voiceagent.deploy.manifest;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Kubernetes YAML strictly: every field of every document must exist in the fabric8 model of the kind the
 * document names, and no key may appear twice. fabric8's own Serialization is lenient on purpose: each model class
 * collects unknown fields in an {@code @JsonAnySetter} map, so a typo such as {@code readinesProbe} would pass.
 */
public final class ManifestReader {

    static final ObjectMapper STRICT_YAML = strictMapper();

    private ManifestReader() {
    }

    public static List<HasMetadata> read(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of a (multi-document) YAML text; {@code source} only names it in errors. */
    public static List<HasMetadata> parse(String yaml, String source) {
        List<HasMetadata> resources = new ArrayList<>();
        try (var documents = STRICT_YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    resources.add(toModel(document, source));
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
        return resources;
    }

    private static HasMetadata toModel(JsonNode document, String source) throws IOException {
        Class<? extends HasMetadata> type;
        try {
            type = Kinds.of(document.path("apiVersion").asText(), document.path("kind").asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
        return STRICT_YAML.treeToValue(document, type);
    }

    private static ObjectMapper strictMapper() {
        ObjectMapper mapper = new ObjectMapper(
                YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
        // Without any-setters, unknown fields reach FAIL_ON_UNKNOWN_PROPERTIES instead of a catch-all map.
        mapper.setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
            @Override
            public Boolean hasAnySetter(Annotated annotated) {
                return Boolean.FALSE;
            }
        });
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return mapper;
    }
}
