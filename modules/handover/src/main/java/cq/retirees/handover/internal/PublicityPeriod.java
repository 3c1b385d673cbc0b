package cq.retirees.handover.internal;

import java.time.LocalDate;

/**
 * The publicity period (公示) of a plan: it starts the day the plan enters PUBLICITY and lasts at least
 * {@code minimumDays} ({@code handover.publicity.minimum-days}); the plan can be approved from its end date on.
 */
record PublicityPeriod(LocalDate startsOn, LocalDate endsOn) {

    /** From today to the requested end, or to the earliest end the minimum allows when none is requested. */
    static PublicityPeriod starting(LocalDate today, LocalDate requestedEnd, int minimumDays) {
        return new PublicityPeriod(today, requestedEnd == null ? today.plusDays(minimumDays) : requestedEnd);
    }

    boolean tooShort(int minimumDays) {
        return endsOn.isBefore(startsOn.plusDays(minimumDays));
    }

    static boolean over(LocalDate endsOn, LocalDate today) {
        return !today.isBefore(endsOn);
    }
}
