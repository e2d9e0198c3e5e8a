package dev.wisp.dsl.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.wisp.dsl.Golden;
import dev.wisp.dsl.TestFiles;
import dev.wisp.dsl.diag.Diagnostic;
import dev.wisp.dsl.parse.PlaybookLoader;
import dev.wisp.dsl.source.SourceDocument;
import dev.wisp.dsl.source.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaCheckTest {
    private static final PlaybookLoader LOADER = new PlaybookLoader(List.of(SchemaCheck.shared()));

    static Stream<Path> examples() throws IOException {
        return Files.list(TestFiles.repoRoot().resolve("playbooks"))
                .filter(p -> p.toString().endsWith(".yaml") && !p.toString().endsWith(".test.yaml")
                        && !p.endsWith("wisp-project.yaml")).sorted(); // the folder's settings, not a playbook
    }

    static Stream<Path> invalid() throws IOException {
        return Files.list(Golden.sourceDir("schema-invalid")).filter(p -> p.toString().endsWith(".yaml")).sorted();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExamplePlaybookPassesTheSchema(Path playbook) {
        SourceDocument doc = new YamlReader().read(playbook, playbook.getFileName().toString()).document();
        assertEquals(List.of(), SchemaCheck.shared().check(doc));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void everyInvalidFixtureFailsWithItsGoldenDiagnostics(Path fixture) {
        List<Diagnostic> d = LOADER.load(fixture, fixture.getFileName().toString()).diagnostics();
        assertFalse(d.isEmpty(), fixture + " must be invalid");
        Golden.assertMatches(fixture.resolveSibling(fixture.getFileName().toString().replace(".yaml", ".expected")),
                d.stream().map(Diagnostic::toString).collect(Collectors.joining("\n")) + "\n");
    }

    @Test
    void theSchemaIsAValid202012Schema() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(SchemaCheck.text());
        var meta = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(java.net.URI.create("https://json-schema.org/draft/2020-12/schema"));
        assertEquals(java.util.Set.of(), meta.validate(schema));
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").asText());
    }

    @Test
    void theShippedSchemaIsTheRepositoryFile() throws IOException {
        assertEquals(Files.readString(TestFiles.repoRoot().resolve("schema/playbook.schema.json")), SchemaCheck.text());
    }

    @Test
    void randomMutationsNeverMakeItThrow() throws IOException {
        Random random = new Random(42);
        ObjectMapper mapper = new ObjectMapper();
        List<Path> files = examples().toList();
        JsonNode[] junk = {mapper.getNodeFactory().numberNode(7), mapper.getNodeFactory().textNode("x y"),
                mapper.getNodeFactory().nullNode(), mapper.createArrayNode().add(1), mapper.createObjectNode()};
        for (int i = 0; i < 300; i++) {
            Path f = files.get(random.nextInt(files.size()));
            SourceDocument doc = new YamlReader().read(f, "f.yaml").document();
            JsonNode root = doc.root().deepCopy();
            mutate(root, random, junk);
            SourceDocument mutated = new SourceDocument("f.yaml", root, Map.of(), Map.of());
            SchemaCheck.shared().check(mutated); // must not throw
        }
        assertTrue(true);
    }

    /**
     * The check compiles a form of the schema in which a valid block takes no failing branch (see
     * {@link SchemaCheck#validationForm}); over examples mutated at random, blocks' kinds removed, doubled and
     * replaced included, it reports exactly what the editors' schema does.
     */
    @Test
    void theChecksFormOfTheSchemaReportsWhatTheEditorsSchemaReports() throws IOException {
        JsonNode editors = SchemaCheck.readSchema();
        JsonNode form = SchemaCheck.validationForm(editors);
        assertTrue(form.at("/$defs/block").has("dependentSchemas"), "the block was rewritten");
        assertFalse(form.at("/$defs/block").has("oneOf"));
        SchemaCheck asWritten = SchemaCheck.compile(editors);
        SchemaCheck fast = SchemaCheck.compile(form);
        Random random = new Random(7);
        ObjectMapper mapper = new ObjectMapper();
        List<Path> files = examples().toList();
        JsonNode[] junk = {mapper.getNodeFactory().numberNode(7), mapper.getNodeFactory().textNode("x y"),
                mapper.getNodeFactory().nullNode(), mapper.createArrayNode().add(1), mapper.createObjectNode()};
        int differentFromValid = 0;
        for (int i = 0; i < 400; i++) {
            Path f = files.get(random.nextInt(files.size()));
            JsonNode root = new YamlReader().read(f, "f.yaml").document().root().deepCopy();
            for (int n = 1 + random.nextInt(3); n > 0; n--) {
                if (random.nextBoolean()) {
                    mutateKind(root, random, junk);
                } else {
                    mutate(root, random, junk);
                }
            }
            SourceDocument doc = new SourceDocument("f.yaml", root, Map.of(), Map.of());
            List<Diagnostic> expected = asWritten.check(doc);
            assertEquals(expected, fast.check(doc), () -> "for " + root);
            differentFromValid += expected.isEmpty() ? 0 : 1;
        }
        assertTrue(differentFromValid > 200, "most mutants are invalid: " + differentFromValid);
    }

    /** What makes a second kind in a block an error in the check's form: no kind's schema admits another's key. */
    @Test
    void everyKindsSchemaAdmitsNoOtherKey() {
        JsonNode defs = SchemaCheck.readSchema().get("$defs");
        for (String kind : SchemaMessages.KINDS) {
            JsonNode schema = defs.get(kind + "Block");
            assertEquals(false, schema.get("additionalProperties").asBoolean(true), kind);
            for (String other : SchemaMessages.KINDS) {
                assertEquals(other.equals(kind), schema.get("properties").has(other), kind + " admits " + other);
            }
        }
    }

    /** Takes a block's kind away, adds a second one, or makes the block something else than a mapping. */
    private static void mutateKind(JsonNode root, Random random, JsonNode[] junk) {
        if (!(root.get("blocks") instanceof ObjectNode blocks) || blocks.isEmpty()) {
            return;
        }
        List<String> names = new java.util.ArrayList<>();
        blocks.fieldNames().forEachRemaining(names::add);
        String name = names.get(random.nextInt(names.size()));
        if (!(blocks.get(name) instanceof ObjectNode block)) {
            return;
        }
        String kind = SchemaMessages.KINDS.get(random.nextInt(SchemaMessages.KINDS.size()));
        switch (random.nextInt(3)) {
            case 0 -> SchemaMessages.KINDS.forEach(block::remove);
            case 1 -> block.put(kind, "x");
            default -> blocks.set(name, junk[random.nextInt(junk.length)]);
        }
    }

    private static void mutate(JsonNode node, Random random, JsonNode[] junk) {
        JsonNode current = node;
        for (int depth = 0; depth < 4 && current.isContainerNode() && current.size() > 0; depth++) {
            if (current instanceof ObjectNode obj) {
                List<String> names = new java.util.ArrayList<>();
                obj.fieldNames().forEachRemaining(names::add);
                String name = names.get(random.nextInt(names.size()));
                if (random.nextInt(3) == 0) {
                    obj.set(name, junk[random.nextInt(junk.length)]);
                    return;
                }
                current = obj.get(name);
            } else {
                current = current.get(random.nextInt(current.size()));
            }
        }
    }
}
