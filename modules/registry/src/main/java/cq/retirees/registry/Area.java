package cq.retirees.registry;

import cq.retirees.kernel.AreaCode;

import java.time.LocalDate;
import java.util.List;

/**
 * One period of an area code. {@code validFrom} empty means in force since before the platform's records;
 * {@code retiredOn} is the first day it no longer applies.
 */
public record Area(long id, AreaCode code, String nameZh, String namePinyin, AreaKind kind, LocalDate validFrom,
                   LocalDate retiredOn, String retirementReason, List<AreaCode> successors, long version) {

    public Area {
        successors = List.copyOf(successors);
    }

    public boolean inForceOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (retiredOn == null || day.isBefore(retiredOn));
    }
}
