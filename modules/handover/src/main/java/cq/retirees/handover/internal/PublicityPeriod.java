package cq.retirees.handover.internal;

import cq.retirees.infra.http.ApiException;

import java.time.LocalDate;

/**
 * The publicity period (公示) of a plan: it starts the day the plan enters PUBLICITY and lasts at least
 * {@code minimumDays} ({@code handover.publicity.minimum-days}); the plan can be approved from its end date on.
 */
record PublicityPeriod(LocalDate startsOn, LocalDate endsOn) {

    static PublicityPeriod starting(LocalDate today, LocalDate requestedEnd, int minimumDays) {
        LocalDate earliestEnd = today.plusDays(minimumDays);
        if (requestedEnd == null) {
            return new PublicityPeriod(today, earliestEnd);
        }
        if (requestedEnd.isBefore(earliestEnd)) {
            throw ApiException.unprocessable("PUBLICITY_TOO_SHORT", minimumDays, earliestEnd.toString());
        }
        return new PublicityPeriod(today, requestedEnd);
    }

    static boolean over(LocalDate endsOn, LocalDate today) {
        return !today.isBefore(endsOn);
    }
}
