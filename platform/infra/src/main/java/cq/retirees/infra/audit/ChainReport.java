package cq.retirees.infra.audit;

/**
 * The result of walking the audit chain: intact, or where it first breaks and how.
 *
 * @param problem {@code ROW_ALTERED} (an event's content no longer matches its hash), {@code LINK_BROKEN}
 *                (an event does not follow the one before it: removed or inserted rows), {@code HEAD_MISMATCH}
 *                (the newest events were removed), or null when intact
 */
public record ChainReport(boolean intact, long eventsChecked, Long brokenAtSeq, String problem) {

    static ChainReport intact(long checked) {
        return new ChainReport(true, checked, null, null);
    }

    static ChainReport broken(long checked, Long seq, String problem) {
        return new ChainReport(false, checked, seq, problem);
    }
}
