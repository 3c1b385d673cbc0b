package cq.retirees.infra.plugins.verify;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A plugin jar the host will not install, with every reason found (not just the first), so a district can fix its
 * jar in one round. The message lists the problems one per line as {@code CODE subject detail}.
 */
public final class PluginRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Kept as a list of records so the host can show them to the administrator and record them in the audit. */
    private final transient List<Problem> problems;

    public PluginRefusedException(List<Problem> problems) {
        super(message(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a refusal names at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String message(List<Problem> problems) {
        return problems.stream().map(Problem::toString)
                .collect(Collectors.joining("\n", "plugin jar refused (" + problems.size() + " problems):\n", ""));
    }

    /**
     * One reason for refusing a jar.
     *
     * @param code    one of the constants below
     * @param subject what the problem is about: a manifest attribute, a class of the jar, a jar entry
     * @param detail  what is wrong with it, e.g. the forbidden reference {@code java.lang.System.exit}
     */
    public record Problem(String code, String subject, String detail) {

        public static final String JAR_UNREADABLE = "JAR_UNREADABLE";
        public static final String MANIFEST_INCOMPLETE = "MANIFEST_INCOMPLETE";
        public static final String PLUGIN_ID_INVALID = "PLUGIN_ID_INVALID";
        public static final String PLUGIN_VERSION_INVALID = "PLUGIN_VERSION_INVALID";
        public static final String SPI_VERSION_INCOMPATIBLE = "SPI_VERSION_INCOMPATIBLE";
        public static final String NO_EXTENSIONS = "NO_EXTENSIONS";
        public static final String EXTENSION_CLASS_MISSING = "EXTENSION_CLASS_MISSING";
        public static final String FORBIDDEN_REFERENCE = "FORBIDDEN_REFERENCE";
        public static final String NESTED_JAR = "NESTED_JAR";
        public static final String CLASS_UNREADABLE = "CLASS_UNREADABLE";

        @Override
        public String toString() {
            return code + " " + subject + " " + detail;
        }
    }
}
