package cq.retirees.spi.receiving;

import cq.retirees.kernel.AreaCode;

import java.util.ArrayList;
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

        /**
         * The areas the municipal default would have weighed for this retiree, listed as alternatives to
         * {@code chosen} so that whoever reviews the roster sees which choice a rule overrides: first the
         * retiree's insured area (or, when it is not in force, the enterprise's location), then the residence
         * district, which the default picks when the enterprise's retirees concentrate there.
         *
         * <p>Only areas in force are listed (the host drops a proposal whose alternative has no area), each once,
         * and never {@code chosen} itself: when a district receives its own residents insured there, the list is
         * empty.
         *
         * @param chosen     the area the rule proposes
         * @param reasonCode why each listed area was not chosen, the same for all, an UPPER_SNAKE code that starts
         *                   with the plugin's id like the proposal's own codes (e.g. {@code WANSHENG_ZONE_RECEIVES})
         * @return the alternatives, in that order, unmodifiable; possibly empty
         */
        public static List<Alternative> overriddenBy(AreaCode chosen, RetireeFacts retiree,
                                                     EnterpriseFacts enterprise, RosterContext roster,
                                                     String reasonCode) {
            Objects.requireNonNull(chosen, "chosen");
            Objects.requireNonNull(reasonCode, "reasonCode");
            List<Alternative> alternatives = new ArrayList<>(2);
            AreaCode usual = roster.inForce(retiree.insuredArea()) ? retiree.insuredArea()
                    : roster.inForce(enterprise.locationArea()) ? enterprise.locationArea() : null;
            addIfOther(alternatives, chosen, usual, reasonCode);
            addIfOther(alternatives, chosen, roster.inForce(retiree.residenceArea()) ? retiree.residenceArea() : null,
                    reasonCode);
            return List.copyOf(alternatives);
        }

        private static void addIfOther(List<Alternative> alternatives, AreaCode chosen, AreaCode candidate,
                                       String reasonCode) {
            if (candidate != null && !candidate.equals(chosen)
                    && alternatives.stream().noneMatch(a -> a.area().equals(candidate))) {
                alternatives.add(new Alternative(candidate, reasonCode));
            }
        }
    }
}
