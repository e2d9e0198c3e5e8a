package dev.wisp.dsl.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.wisp.dsl.diag.Diagnostic;
import dev.wisp.dsl.source.DocumentCheck;
import dev.wisp.dsl.source.SourceDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Checks a document's structure against {@code schema/playbook.schema.json} (JSON Schema 2020-12, the same file
 * editors use) and turns the validator's messages into located diagnostics with Wisp's codes. The schema is
 * compiled once; the check is thread-safe.
 */
public final class SchemaCheck implements DocumentCheck {
    /** The schema's classpath location. */
    public static final String RESOURCE = "/dev/wisp/dsl/schema/playbook.schema.json";
    private static final SchemaCheck SHARED = new SchemaCheck();

    private final JsonSchema schema;

    private SchemaCheck() {
        this(validationForm(readSchema()));
    }

    private SchemaCheck(JsonNode schemaTree) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
        this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaTree, config);
        this.schema.initializeValidators();
    }

    /** A check against {@code schemaTree} as it is (for tests that compare the two forms of the schema). */
    static SchemaCheck compile(JsonNode schemaTree) {
        return new SchemaCheck(schemaTree);
    }

    /** The schema as editors read it: {@code schema/playbook.schema.json}. */
    static JsonNode readSchema() {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the playbook schema is missing from the classpath: " + RESOURCE);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The schema as the check compiles it: the same constraints, with a block's kind written so that a valid block
     * takes no failing branch. Editors get "exactly one of action, prompt, ..." as {@code oneOf} seven
     * {@code required}s and each kind's keys as {@code if: {required: [kind]}, then: kindBlock}; a validator works
     * that out by failing six {@code oneOf} branches and six {@code if}s for every block, building a message each
     * time (the check allocated nearly a fifth of all that a 10,000-step run did). Here a block needs at least one kind
     * ({@code anyOf}, which stops at the first that holds), and each kind present brings its keys
     * ({@code dependentSchemas}); a second kind is then an unknown key of the first's (every kind's schema admits no
     * other key, which a test checks), and {@link SchemaMessages} reports the block's kinds from the block itself.
     * A schema not shaped as described is compiled as it is.
     */
    static JsonNode validationForm(JsonNode editorSchema) {
        JsonNode block = editorSchema.path("$defs").path("block");
        List<String> kinds = SchemaMessages.KINDS;
        if (!block.path("oneOf").isArray() || block.path("oneOf").size() != kinds.size()
                || !block.path("allOf").isArray() || block.path("allOf").size() != kinds.size()) {
            return editorSchema;
        }
        ObjectNode fast = editorSchema.deepCopy();
        ObjectNode b = (ObjectNode) fast.path("$defs").path("block");
        ArrayNode anyOf = b.putArray("anyOf");
        ObjectNode dependent = b.putObject("dependentSchemas");
        for (int i = 0; i < kinds.size(); i++) {
            String kind = kinds.get(i);
            JsonNode one = block.get("oneOf").get(i);
            JsonNode rule = block.get("allOf").get(i);
            if (!one.path("required").equals(JsonNodeFactory.instance.arrayNode().add(kind))
                    || !rule.path("if").equals(one) || !rule.path("then").has("$ref")) {
                return editorSchema;
            }
            anyOf.add(one.deepCopy());
            dependent.set(kind, rule.get("then").deepCopy());
        }
        b.remove("oneOf");
        b.remove("allOf");
        return fast;
    }

    /** The one instance (the compiled schema is immutable and thread-safe). */
    public static SchemaCheck shared() {
        return SHARED;
    }

    /** The schema's text, for {@code wisp schema}. */
    public static String text() {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<Diagnostic> check(SourceDocument document) {
        JsonNode root = document.root();
        Set<ValidationMessage> messages = schema.validate(root);
        return new SchemaMessages(document).translate(messages);
    }
}
