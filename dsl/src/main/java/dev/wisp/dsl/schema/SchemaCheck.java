package dev.wisp.dsl.schema;

import com.fasterxml.jackson.databind.JsonNode;
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
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
        try (InputStream in = SchemaCheck.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the playbook schema is missing from the classpath: " + RESOURCE);
            }
            this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
            this.schema.initializeValidators();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
