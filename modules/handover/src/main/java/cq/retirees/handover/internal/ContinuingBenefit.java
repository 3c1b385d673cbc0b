package cq.retirees.handover.internal;

import java.util.List;

/**
 * An enterprise-paid benefit the plan declares (DOMAIN.md §5.3): it continues after handover, or is dropped, which
 * needs a recorded legal basis, since the enterprise may not cut a lawful benefit on the ground of the handover.
 */
record ContinuingBenefit(String name, String category, boolean continues, String legalBasis) {

    /** Classes of enterprise-paid benefits (统筹外费用 and others). */
    static final List<String> CATEGORIES = List.of("OUTSIDE_POOLING_ALLOWANCE", "ENTERPRISE_ANNUITY",
            "SUPPLEMENTARY_MEDICAL", "HOLIDAY_CONDOLENCE", "OTHER");

    boolean droppedWithoutLegalBasis() {
        return !continues && (legalBasis == null || legalBasis.isBlank());
    }
}
