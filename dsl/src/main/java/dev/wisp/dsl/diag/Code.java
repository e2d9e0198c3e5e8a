package dev.wisp.dsl.diag;

/**
 * Every diagnostic code Wisp emits. Codes are stable: scripts and SARIF consumers key on them, so a code is
 * never renumbered or reused. {@code docs/diagnostics.md} explains each one.
 */
public enum Code {
    // --- reading the file (WSP00x)
    /** Wisp itself failed on this file (a bug): reported as the file's error so that other files keep theirs. */
    WSP000("internal-error", Severity.ERROR),
    /** The file is not valid YAML (syntax error, tab indentation). */
    WSP001("yaml-syntax", Severity.ERROR),
    /** The file cannot be read as a playbook: missing, empty, too large, not UTF-8. */
    WSP002("file", Severity.ERROR),
    /** A YAML safety limit was exceeded: aliases, nesting depth. */
    WSP003("yaml-limit", Severity.ERROR),
    /** A mapping has the same key twice. */
    WSP004("duplicate-key", Severity.ERROR),
    /** A YAML tag or construct Wisp does not accept (custom tags, non-string keys, merge keys). */
    WSP009("yaml-unsupported", Severity.ERROR),

    // --- structure, checked by the JSON Schema (WSP01x)
    /** A key that the format does not know. */
    WSP010("unknown-key", Severity.ERROR),
    /** A value of the wrong type. */
    WSP011("wrong-type", Severity.ERROR),
    /** A required key is missing. */
    WSP012("missing-key", Severity.ERROR),
    /** A name that is not an identifier. */
    WSP013("bad-name", Severity.ERROR),
    /** A value outside its allowed set or form (enum, duration, range). */
    WSP014("bad-value", Severity.ERROR),
    /** A block that is not exactly one kind (action, prompt, filter, decision, format, playbook). */
    WSP015("block-kind", Severity.ERROR),
    /** An edge that is not of the form {@code from[.port] -> to}. */
    WSP016("edge-syntax", Severity.ERROR),
    /** The root is not a mapping, or the document is not a playbook at all. */
    WSP017("not-a-playbook", Severity.ERROR),

    // --- the graph (WSP02x)
    /** An edge names a block that does not exist. */
    WSP020("unknown-block", Severity.ERROR),
    /** An edge names a port the block does not have. */
    WSP021("unknown-port", Severity.ERROR),
    /** A block cannot be reached from start. */
    WSP022("unreachable", Severity.ERROR),
    /** A block has no path to end. */
    WSP023("dead-end", Severity.ERROR),
    /** The edges form a cycle (use {@code repeat} for loops). */
    WSP024("cycle", Severity.ERROR),
    /** The same edge is written twice. */
    WSP025("duplicate-edge", Severity.WARNING),
    /** A join setting on a block with a single incoming edge, or similar no-op configuration. */
    WSP026("useless-setting", Severity.WARNING),
    /** A filter condition that no edge leaves and no data path reads: its matches go nowhere. */
    WSP027("unused-condition", Severity.WARNING),

    // --- apps, assets, actions (WSP03x)
    /** A block names an asset the playbook does not declare. */
    WSP030("unknown-asset", Severity.ERROR),
    /** An asset or block names an app no plugin provides. */
    WSP031("unknown-app", Severity.ERROR),
    /** A block names an action its app does not have. */
    WSP032("unknown-action", Severity.ERROR),
    /** A block sets a parameter the action does not have. */
    WSP033("unknown-parameter", Severity.ERROR),
    /** A required parameter is neither set nor filled by a default. */
    WSP034("missing-parameter", Severity.ERROR),
    /** A literal does not fit the parameter's type or value list. */
    WSP035("literal-type", Severity.ERROR),
    /** A declared asset that no block uses. */
    WSP036("unused-asset", Severity.WARNING),
    /** {@code retry} on an action that is not safe to repeat: the engine never retries it. */
    WSP037("retry-not-repeatable", Severity.WARNING),

    // --- data paths, formats, conditions (WSP04x)
    /** A data path that cannot be parsed. */
    WSP040("path-syntax", Severity.ERROR),
    /** A data path names a block that does not exist. */
    WSP041("path-unknown-block", Severity.ERROR),
    /** A data path names a block that is not upstream (no path of edges leads from it to this one). */
    WSP042("path-not-upstream", Severity.ERROR),
    /** Format or prompt placeholders do not match the parameter list. */
    WSP043("placeholders", Severity.ERROR),
    /** An operator Wisp does not know. */
    WSP044("unknown-operator", Severity.ERROR),
    /** Parameters from different blocks without {@code combine}: an implicit cross product. */
    WSP045("implicit-product", Severity.WARNING),
    /** A data path names a playbook input that is not declared. */
    WSP046("unknown-input", Severity.ERROR),
    /** A filtered-data path names a filter condition that does not exist, or a block that is not a filter. */
    WSP047("unknown-condition", Severity.ERROR),
    /** A data path whose form does not fit the block it names (e.g. formatted_data of an action). */
    WSP048("path-kind", Severity.ERROR),
    /** An ordering comparison with a multi-valued path of another source than the condition's items. */
    WSP049("multi-valued-comparison", Severity.WARNING),

    // --- typed data paths (WSP05x)
    /** A data path names an output the action does not declare. */
    WSP050("unknown-output", Severity.ERROR),
    /** A value whose type or {@code contains} does not fit the parameter it feeds. */
    WSP051("type-mismatch", Severity.ERROR),

    // --- sub-playbooks (WSP06x)
    /** A sub-playbook that cannot be found or is invalid. */
    WSP060("sub-playbook", Severity.ERROR),
    /** A sub-playbook input or output that the sub-playbook does not declare. */
    WSP061("sub-playbook-io", Severity.ERROR),
    /** A sub-playbook that calls itself, directly or through other sub-playbooks. */
    WSP062("sub-playbook-cycle", Severity.ERROR),

    // --- code blocks (WSP07x)
    /** A code block's {@code file} cannot be read. */
    WSP070("code-file", Severity.ERROR),
    /** A code block's Python does not compile (checked when a python3 is present). */
    WSP071("python-syntax", Severity.ERROR),
    /** A code block reads an input it does not declare. */
    WSP072("code-undeclared-input", Severity.ERROR),
    /** A code block declares an output its code never writes. */
    WSP073("code-output-unwritten", Severity.WARNING),

    // --- app spec files, apps/<app_id>.yaml (WSP074-WSP079)
    /** A key that the app spec format does not know. */
    WSP074("app-spec-unknown-key", Severity.ERROR),
    /** An app spec value of the wrong type or form, or a required key missing. */
    WSP075("app-spec-value", Severity.ERROR),
    /** App specs that contradict each other or their file: two specs with one id, an id unlike the file name, an
     *  output path declared twice. */
    WSP076("app-spec-conflict", Severity.ERROR),
    /** An app spec whose id an installed plugin provides: the installed implementation is used. */
    WSP077("app-spec-shadowed", Severity.WARNING),
    /** A data path under {@code action_result.data} that an action with open outputs does not declare. */
    WSP078("open-output", Severity.WARNING),
    /** {@code wisp run} of a playbook using an action of an app known only from its spec: no implementation. */
    WSP079("no-implementation", Severity.ERROR),

    // --- formats (WSP08x)
    /** A format template whose {@code %%} row-section markers do not pair up. */
    WSP080("format-section", Severity.ERROR),

    // --- wisp import soar: what a SOAR playbook export loses on the way (WSP100-WSP149)
    /** The export cannot be read as JSON: malformed, not UTF-8, too large, too deep. */
    WSP100("soar-json", Severity.ERROR),
    /** The JSON is not a SOAR playbook export (no {@code coa}, no nodes, a node without a type). */
    WSP101("soar-not-an-export", Severity.ERROR),
    /** A classic (schema 4) export: convert it to a modern playbook in SOAR first. */
    WSP102("soar-classic-export", Severity.ERROR),
    /** Custom Python that cannot be carried over ({@code customCode}, {@code userCode} outside code blocks, ...). */
    WSP103("soar-custom-python", Severity.ERROR),
    /** A SOAR platform call (custom function or API utility) with no Wisp equivalent. */
    WSP104("soar-platform-call", Severity.ERROR),
    /** A Mission Control block (SOAR's built-in case management). */
    WSP105("soar-mission-control", Severity.ERROR),
    /** A data path that has no Wisp form: an unmapped block's output, or malformed beyond repair. */
    WSP106("soar-unresolved-path", Severity.ERROR),
    /** A block type the importer does not know. */
    WSP107("soar-unknown-block", Severity.ERROR),
    /** A graph Wisp cannot hold: an edge to a missing node, a filter edge without its condition, no start. */
    WSP108("soar-graph", Severity.ERROR),
    /** A playbook output or block setting whose value cannot be given (an output filled by code). */
    WSP109("soar-unmapped-value", Severity.ERROR),
    /** A sub-playbook that SOAR starts without waiting for it (Wisp waits). */
    WSP110("soar-async-playbook", Severity.WARNING),
    /** A sub-playbook input or playbook output with several data paths or deduplication. */
    WSP111("soar-multi-datapath", Severity.WARNING),
    /** A join that waits for some upstream blocks and not others. */
    WSP112("soar-partial-join", Severity.WARNING),
    /** A {@code custom_list:} operand (Wisp has no custom lists). */
    WSP113("soar-custom-list", Severity.WARNING),
    /** An action setting Wisp does not have: several assets, no asset, a delay, a reviewer. */
    WSP114("soar-action-setting", Severity.WARNING),
    /** A malformed data path the SOAR editor tolerated, repaired. */
    WSP115("soar-repaired-path", Severity.WARNING),
    /** A sub-playbook whose export was not among those imported. */
    WSP116("soar-missing-playbook", Severity.WARNING),
    /** The generated {@code .py} beside the export is missing or does not have a block's function. */
    WSP117("soar-missing-companion", Severity.WARNING),
    /** A parameter or setting of a mapped call that its Wisp equivalent does not take. */
    WSP118("soar-dropped-parameter", Severity.WARNING),
    /** Global custom code, copied into every code block. */
    WSP119("soar-global-code", Severity.WARNING),
    /** Metadata with no Wisp slot (category, labels, tags, scope, delimiter, the event owner as approver). */
    WSP130("soar-metadata", Severity.INFO),
    /** A block that never reached SOAR's end block now has an edge to {@code end}. */
    WSP131("soar-end-edge", Severity.INFO),
    /** A code block's Python carried over to a Wisp code block, to review. */
    WSP132("soar-code-carried", Severity.INFO),
    /** A community function or API call mapped to a {@code core} or {@code soar} action. */
    WSP133("soar-mapped-call", Severity.INFO),
    /** A join that waits for all: Wisp also runs it when a branch can no longer be taken. */
    WSP134("soar-join", Severity.INFO),

    // --- wisp import soar-app: SOAR app JSON to app specs (WSP150-WSP169)
    /** The file is not JSON, or cannot be read. */
    WSP150("soar-app-json", Severity.ERROR),
    /** JSON that is not a SOAR app JSON (no {@code actions}, {@code name} or {@code appid}). */
    WSP151("not-a-soar-app", Severity.ERROR),
    /** A key the conversion needs is missing or of the wrong type. */
    WSP152("soar-app-missing-key", Severity.ERROR),
    /** Two actions of the app have the same name. */
    WSP153("soar-app-duplicate-action", Severity.ERROR),
    /** A {@code data_type} or action {@code type} the conversion does not know. */
    WSP154("soar-app-unknown-type", Severity.ERROR),
    /** An {@code ingest} action (SOAR's polling): converted as {@code generic}. */
    WSP155("soar-app-ingest", Severity.WARNING),
    /** A {@code ph} field or parameter (a layout placeholder in SOAR's forms, no value): not converted. */
    WSP156("soar-app-placeholder", Severity.WARNING),
    /** A {@code timezone} or {@code file} field: converted as a string. */
    WSP157("soar-app-string-type", Severity.WARNING),
    /** An output data path that is not one Wisp can declare (malformed, or outside {@code action_result}). */
    WSP158("soar-app-output-path", Severity.WARNING),
    /** An action's {@code lock} (SOAR serialises runs per value): Wisp does not; informative. */
    WSP159("soar-app-lock", Severity.WARNING),
    /** A parameter's {@code allow_list} (SOAR accepts a comma-separated list): Wisp passes the text as it is. */
    WSP160("soar-app-allow-list", Severity.WARNING),
    /** A default value that does not fit its field's or parameter's type: left out. */
    WSP161("soar-app-default", Severity.WARNING),
    /** Two app JSONs that become the same Wisp app id, or a spec file that is already there. */
    WSP162("soar-app-target", Severity.ERROR);

    private final String slug;
    private final Severity defaultSeverity;

    Code(String slug, Severity defaultSeverity) {
        this.slug = slug;
        this.defaultSeverity = defaultSeverity;
    }

    /** A short kebab-case name, used as the SARIF rule name. */
    public String slug() {
        return slug;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }
}
