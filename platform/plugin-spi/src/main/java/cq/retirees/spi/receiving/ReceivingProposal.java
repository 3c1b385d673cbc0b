package cq.retirees.spi.receiving;

import cq.retirees.kernel.AreaCode;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Where a retiree should be received, and why.
 *
 * @param receivingBodyId  {@code null} when no body in the area could be determined (the district assigns one)
 * @param reasonCode       why this area, an UPPER_SNAKE code (e.g. {@code INSURED_AREA})
 * @param bodyReasonCode   why this body (e.g. {@code STREET_OF_RESIDENCE}, {@code NO_BODY_FOR_STREET})
 * @param alternatives     the other areas considered, each with why it was not chosen
 */
public record ReceivingProposal(AreaCode area, UUID receivingBodyId, String reasonCode, String bodyReasonCode,
                                List<Alternative> alternatives) {

    public ReceivingProposal {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(reasonCode, "reasonCode");
        Objects.requireNonNull(bodyReasonCode, "bodyReasonCode");
        alternatives = List.copyOf(alternatives);
    }

    /** An area considered and not chosen. */
    public record Alternative(AreaCode area, String reasonCode) {
    }
}
