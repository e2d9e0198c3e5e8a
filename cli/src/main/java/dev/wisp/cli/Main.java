package dev.wisp.cli;

import dev.wisp.cli.run.LiveDisplay;
import dev.wisp.cli.run.ProgressDisplay;
import dev.wisp.engine.journal.Redactor;
import dev.wisp.engine.plugin.PluginRegistry;
import dev.wisp.engine.report.RunStore;
import dev.wisp.engine.runs.RunWatcher;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code wisp} command: subcommands, exit codes, and errors without stack traces (unless --verbose). */
@Command(name = "wisp", addMethodSubcommands = false,
        mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Playbooks as code for security automation.",
        footerHeading = "%nExamples:%n",
        footer = {"  wisp validate playbooks/",
            "  wisp run playbooks/capture_ec2_instance.yaml --simulate",
            "  wisp runs --status suspended",
            "  wisp help run"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the run or a test failed", "2:usage error",
            "3:a playbook (or test file) is invalid", "4:the run is suspended, waiting for an answer (wisp resume)",
            "5:wisp import wrote playbooks with losses (the report names them)",
            "130:the run was cancelled"})
public final class Main implements java.util.concurrent.Callable<Integer> {
    public static final String VERSION = BuildInfo.CURRENT.version();

    /**
     * The commands by name, in the order help lists them. The names are their {@code @Command} names (a test checks
     * it): written out so that finding the named command reads no annotations, which took a tenth of a start.
     */
    static final List<Named> COMMANDS = List.of(new Named("validate", ValidateCommand.class),
            new Named("run", RunCommand.class), new Named("resume", ResumeCommand.class),
            new Named("test", TestCommand.class), new Named("runs", RunsCommand.class),
            new Named("show", ShowCommand.class), new Named("actions", ActionsCommand.class),
            new Named("graph", GraphCommand.class), new Named("schema", SchemaCommand.class),
            new Named("asset", AssetCommand.class), new Named("simulate", SimulateCommand.class),
            new Named("import", ImportCommand.class), new Named("completion", CompletionCommand.class),
            new Named("init", InitCommand.class), new Named("worker", WorkerCommand.class),
            new Named("help", CommandLine.HelpCommand.class));

    /** A command's name and class. */
    record Named(String name, Class<?> type) {
    }

    /**
     * picocli's setting of the converters it does not register. It looks up a converter for each java.sql and
     * java.time type by reflection (a twentieth of a start); no option of Wisp's has such a type.
     */
    private static final String CONVERTER_EXCLUDES = "picocli.converters.excludes";
    /** Commands that read the whole command tree: help about any command, completion scripts. */
    private static final java.util.Set<String> WHOLE_TREE = java.util.Set.of("help", "completion");
    /** Commands that read playbooks, so check them against the JSON Schema. */
    private static final java.util.Set<String> READ_PLAYBOOKS = java.util.Set.of("validate", "run", "resume", "test",
            "graph");

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces of internal errors.")
    boolean verbose;

    @Option(names = "--plugin-path", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "A directory of plugin jars to load besides the built-in apps.")
    Path pluginPath;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private PluginRegistry registry;
    private boolean realStderr;
    /** The secrets known so far (the assets' once loaded): whatever the error handler prints is masked with them. */
    private Redactor secrets = Redactor.none();

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), true));
    }

    /** Runs the CLI with the given streams; returns the exit code (for tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, false);
    }

    private static int run(String[] args, PrintWriter out, PrintWriter err, boolean realStderr) {
        Main main = new Main();
        main.realStderr = realStderr;
        CommandLine cli = commandLine(main, args);
        cli.setOut(out).setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> main.failed(e, commandLine.getErr()));
        return cli.execute(args);
    }

    /**
     * The command line for {@code args}. picocli builds a command's model (its options, from annotations and
     * reflection) when the command is added, and that was most of the time before a command's first line of work: so
     * a command line that names a command gets only that one, a lone {@code --version} gets none, and anything else
     * (no command, {@code --help}, {@code help}, {@code completion}, a misspelt command) gets all of them.
     */
    static CommandLine commandLine(Main main, String[] args) {
        if (System.getProperty(CONVERTER_EXCLUDES) == null) {
            System.setProperty(CONVERTER_EXCLUDES, "java\\.sql\\..*,java\\.time\\..*");
        }
        String named = commandName(args);
        if (named != null && READ_PLAYBOOKS.contains(named)) {
            compileSchemaMeanwhile();
        }
        CommandLine cli = new CommandLine(main);
        for (Named command : COMMANDS) {
            if (named == null || WHOLE_TREE.contains(named) || named.equals(command.name())) {
                cli.addSubcommand(command.type());
            }
        }
        return cli;
    }

    /**
     * Compiles the playbook schema (the validator library and Jackson: a third of the start of a command that reads
     * a playbook) on a second thread while this one builds the command line, loads the apps and reads the files.
     * Whichever thread comes second waits for the first: the JVM initialises a class once.
     */
    private static void compileSchemaMeanwhile() {
        Thread t = new Thread(() -> {
            try {
                dev.wisp.dsl.schema.SchemaCheck.shared();
            } catch (RuntimeException | LinkageError e) {
                // the thread that needs the schema meets the same failure and reports it
            }
        }, "wisp-schema");
        t.setDaemon(true);
        t.start();
    }

    /**
     * The command {@code args} name after the global options; {@code ""} for a lone {@code --version}; {@code null}
     * when the whole tree is needed or the arguments name no command.
     */
    private static String commandName(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--verbose") || a.startsWith("--plugin-path=")) {
                continue;
            }
            if (a.equals("--plugin-path")) {
                i++;
                continue;
            }
            if ((a.equals("--version") || a.equals("-V")) && i == args.length - 1) {
                return "";
            }
            if (a.startsWith("-")) {
                return null;
            }
            for (Named command : COMMANDS) {
                if (command.name().equals(a)) {
                    return a;
                }
            }
            return null;
        }
        return null;
    }

    /** What a command that threw prints, masked with every secret known by then; returns the exit code. */
    int failed(Exception e, PrintWriter w) {
        if (e instanceof UsageException || e instanceof PluginRegistry.PluginException
                || e instanceof RunStore.StoreException) {
            w.println("wisp: " + secrets.text(e.getMessage()));
            return ExitCodes.USAGE;
        }
        w.println("wisp: internal error: " + secrets.text(e.toString()));
        if (verbose) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            w.print(secrets.text(trace.toString()));
        } else {
            w.println("(run again with --verbose for the stack trace, and please report it)");
        }
        return ExitCodes.FAILED;
    }

    /** {@code wisp} without a command: the usage, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /**
     * How a run shows progress on {@code err}: nothing when {@code none} (quiet, JSON output, many runs at once);
     * live lines redrawn in place only when err is the process's stderr and that is a terminal; else the lines
     * that stay.
     */
    RunWatcher watcher(boolean none, PrintWriter err, Redactor redactor) {
        if (none) {
            return RunWatcher.NONE;
        }
        return new ProgressDisplay(err, redactor, realStderr ? LiveDisplay.onStderr().orElse(null) : null);
    }

    /** Adds secrets to mask in every error this command prints. */
    void mask(Redactor more) {
        secrets = secrets.and(more);
    }

    /** The installed apps, loaded once on first use (validate without apps never pays for it). */
    PluginRegistry registry() {
        if (registry == null) {
            registry = PluginRegistry.load(Main.class.getClassLoader(), Optional.ofNullable(pluginPath));
        }
        return registry;
    }

    /** Where this command finds app specs: the installed apps, apps/ folders and these --app-spec folders. */
    dev.wisp.cli.apps.AppSpecDirs appSpecs(List<Path> given) {
        return new dev.wisp.cli.apps.AppSpecDirs(registry().catalog(), given);
    }

    /** picocli's version provider: Wisp's, the JVM's and each installed app's version. */
    static final class Version implements CommandLine.IVersionProvider {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public String[] getVersion() {
            List<String> lines = new ArrayList<>();
            lines.add("wisp " + VERSION + " (commit " + BuildInfo.CURRENT.commit() + ")");
            lines.add("Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ", "
                    + System.getProperty("java.vendor") + ")");
            Main main = (Main) spec.root().userObject();
            main.registry().catalog().apps().forEach(a -> lines.add("app " + a.id() + " " + a.version()));
            return lines.toArray(String[]::new);
        }
    }
}
