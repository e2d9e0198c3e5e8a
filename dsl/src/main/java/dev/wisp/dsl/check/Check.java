package dev.wisp.dsl.check;

/** One static rule over a playbook. Implementations are stateless and thread-safe. */
public interface Check {

    void run(CheckContext context);
}
