package dev.voiceagent.mcptools.structured;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import io.quarkiverse.mcp.server.OutputSchemaGenerator;
import jakarta.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * The {@code outputSchema} of a tool, made from the record it answers with. Every component is required, because
 * every one is always written (nulls included, as the text always had them); a {@link Nullable} component may be
 * {@code null}; {@link JsonPropertyDescription} becomes the description. The extension's default generator knows
 * neither (its Jackson module is not on the class path), so a client validating a result would reject a null.
 */
@Singleton
public class OutputSchemas implements OutputSchemaGenerator {

    private final SchemaGenerator generator;

    public OutputSchemas(ObjectMapper json) {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(json, SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON).without(Option.SCHEMA_VERSION_INDICATOR);
        config.forFields().withRequiredCheck(field -> true)
                .withNullableCheck(field -> field.getAnnotationConsideringFieldAndGetter(Nullable.class) != null)
                .withDescriptionResolver(field -> {
                    JsonPropertyDescription description = field
                            .getAnnotationConsideringFieldAndGetter(JsonPropertyDescription.class);
                    return description == null ? null : description.value();
                });
        this.generator = new SchemaGenerator(config.build());
    }

    @Override
    public Object generate(Class<?> from) {
        return generator.generateSchema(from);
    }
}
