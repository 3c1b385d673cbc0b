package cq.retirees.handover.internal;

import cq.retirees.kernel.AreaCode;
import cq.retirees.spi.receiving.ReceivingProposal.Alternative;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** One retiree on a plan's roster: the rule's proposal, an override if any, and where the handover stands. */
record RosterEntry(UUID planId, UUID retireeId, String retireeName, AreaCode residenceArea, String residenceStreet,
                   AreaCode proposedArea, UUID proposedBodyId, String reasonCode, String bodyReasonCode, String ruleId,
                   List<Alternative> alternatives, AreaCode previousArea, UUID previousBodyId,
                   String previousReasonCode, AreaCode overrideArea, UUID overrideBodyId, String overrideReason,
                   String cadreExceptionReason, String removedCode, String removedReason, UUID batchId,
                   LocalDate receivedOn, long version) {

    AreaCode receivingArea() {
        return overrideArea != null ? overrideArea : proposedArea;
    }

    UUID receivingBodyId() {
        return overrideArea != null ? overrideBodyId : proposedBodyId;
    }

    boolean removed() {
        return removedCode != null;
    }

    boolean overridden() {
        return overrideArea != null;
    }

    boolean removedByHand() {
        return "REMOVED_WITH_REASON".equals(removedCode);
    }

    /** Alternatives stored compactly as {@code AREA:REASON,AREA:REASON}; both parts are plain codes. */
    static String encode(List<Alternative> alternatives) {
        StringBuilder text = new StringBuilder();
        for (Alternative a : alternatives) {
            if (!text.isEmpty()) {
                text.append(',');
            }
            text.append(a.area().value()).append(':').append(a.reasonCode());
        }
        return text.toString();
    }

    static List<Alternative> decode(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(part -> {
            int colon = part.indexOf(':');
            return new Alternative(AreaCode.of(part.substring(0, colon)), part.substring(colon + 1));
        }).toList();
    }
}
