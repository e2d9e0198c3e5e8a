package dev.wisp.dsl.check;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.dsl.Golden;
import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.diag.Diagnostic;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.dsl.parse.LoadResult;
import dev.wisp.dsl.parse.PlaybookLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture in {@code checks/}: the diagnostics of loading and checking it, against its {@code .expected} file.
 * {@code *-valid.yaml} fixtures must have none.
 */
class StaticChecksGoldenTest {
    private static final PlaybookLoader LOADER = new PlaybookLoader(List.of());

    static Stream<Path> fixtures() throws IOException {
        return Files.list(Golden.sourceDir("checks")).filter(p -> p.toString().endsWith(".yaml")).sorted();
    }

    static List<Diagnostic> diagnose(Path file) {
        LoadResult r = LOADER.load(file, file.getFileName().toString());
        List<Diagnostic> all = new ArrayList<>(r.diagnostics());
        r.playbook().ifPresent(p -> all.addAll(StaticChecks.run(p, TestApps.catalog(), subPlaybooks(file))));
        return all.stream().sorted().toList();
    }

    private static SubPlaybooks subPlaybooks(Path file) {
        return (parent, path) -> {
            Path sub = file.resolveSibling(path);
            if (!Files.exists(sub)) {
                return new SubPlaybooks.Found(Optional.empty(), "file not found");
            }
            LoadResult r = LOADER.load(sub, sub.getFileName().toString());
            return new SubPlaybooks.Found(r.hasErrors() ? Optional.<Playbook>empty() : r.playbook(),
                    "has errors; run wisp validate on it");
        };
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void matchesItsGoldenFile(Path fixture) {
        String actual = diagnose(fixture).stream().map(Diagnostic::toString).collect(Collectors.joining("\n"));
        String name = fixture.getFileName().toString().replace(".yaml", ".expected");
        Golden.assertMatches(fixture.resolveSibling(name), actual.isEmpty() ? "" : actual + "\n");
        if (fixture.getFileName().toString().contains("-valid")) {
            assertTrue(actual.isEmpty(), fixture + " must be valid:\n" + actual);
        }
    }

    @Test
    void reportsTwentyMistakesAtTwentyPlacesInOneRun() {
        List<Diagnostic> d = diagnose(Golden.sourceDir("checks").resolve("twenty-mistakes.yaml"));
        long places = d.stream().map(x -> x.location().line() * 1000 + x.location().column()).distinct().count();
        assertTrue(places >= 20, "distinct places: " + places + "\n" + d);
        assertTrue(d.stream().map(Diagnostic::code).distinct().count() >= 18, "distinct codes in " + d);
    }

    @Test
    void everyCheckCodeHasAnInvalidFixture() throws IOException {
        Set<Code> seen = EnumSet.noneOf(Code.class);
        try (Stream<Path> files = fixtures()) {
            files.forEach(f -> diagnose(f).forEach(d -> seen.add(d.code())));
        }
        Set<Code> missing = EnumSet.range(Code.WSP020, Code.WSP061);
        missing.removeAll(seen);
        missing.remove(Code.WSP040); // the builder's, covered in PlaybookLoaderTest and the twenty-mistakes fixture
        assertTrue(missing.isEmpty(), "codes without a fixture: " + missing);
    }
}
