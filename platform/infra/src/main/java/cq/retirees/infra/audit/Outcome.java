package cq.retirees.infra.audit;

/** How an audited action ended. */
public enum Outcome {
    SUCCESS,
    /** Refused for lack of a role or scope. */
    DENIED,
    /** Attempted and failed, e.g. a wrong password. */
    FAILED
}
