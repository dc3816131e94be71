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
 * The {@code outputSchema} of a tool, made from the record it answers with by the generator the extension itself
 * uses (victools, which it brings). Every component is required, because every one is always written (nulls
 * included, as the text always had them); a {@link Nullable} component may be {@code null}, spelt as {@code anyOf}
 * with a {@code null} branch (a type list is legal but the MCP inspector flags it as less portable);
 * {@link JsonPropertyDescription} becomes the description; properties keep the record's order. The extension's
 * default generator marks nothing required or nullable (its Jackson module is not on the class path), so a client
 * validating a result would reject a null.
 */
@Singleton
public class OutputSchemas implements OutputSchemaGenerator {

    private final SchemaGenerator generator;

    public OutputSchemas(ObjectMapper json) {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(json, SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON).without(Option.SCHEMA_VERSION_INDICATOR)
                .with(Option.NULLABLE_ALWAYS_AS_ANYOF);
        config.forTypesInGeneral().withPropertySorter((one, other) -> 0);
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
