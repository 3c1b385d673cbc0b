package cq.retirees.registry.demo;

import cq.retirees.kernel.ResidentIdNumber;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Hands out resident ID numbers that are unique within one generator and that no real person can hold.
 *
 * <p>The region part is 500190–500199: syntactically a Chongqing district, but GB/T 2260 has never assigned it.
 * For each birth date and sex there are 10 regions × 500 sequence numbers (the sequence's last digit encodes the
 * sex) = 5,000 numbers. The n-th person of a birth date and sex gets a fixed, scrambled (region, sequence) pair, so
 * numbers look varied yet cannot collide; in the unlikely case that a date is full, the person is born a day later.
 * One counter per date and sex (about 140 KB) is all the state, whatever the number of people generated.
 */
final class IdNumberAllocator {

    static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1925, 1, 1);
    static final LocalDate LATEST_BIRTH_DATE = LocalDate.of(1971, 12, 31);
    static final String REGION_PREFIX = "50019";

    private static final int REGIONS = 10;
    private static final int SEQUENCES_PER_SEX = 500;
    private static final int NUMBERS_PER_DATE_AND_SEX = REGIONS * SEQUENCES_PER_SEX;
    /** Coprime to 500, so multiplying by it permutes the sequence numbers of one date. */
    private static final int SEQUENCE_SCRAMBLER = 317;
    private static final int DAYS = (int) ChronoUnit.DAYS.between(EARLIEST_BIRTH_DATE, LATEST_BIRTH_DATE) + 1;

    record Allocation(String idNumber, LocalDate birthDate) {
    }

    private final int[] issued = new int[DAYS * 2];

    /**
     * @param wantedBirthDate between {@link #EARLIEST_BIRTH_DATE} and {@link #LATEST_BIRTH_DATE}
     * @return a fresh ID number, and the birth date it encodes (normally the wanted one)
     */
    synchronized Allocation allocate(LocalDate wantedBirthDate, boolean male) {
        int day = (int) ChronoUnit.DAYS.between(EARLIEST_BIRTH_DATE, wantedBirthDate);
        if (day < 0 || day >= DAYS) {
            throw new IllegalArgumentException("birth date outside the generated range");
        }
        for (int tried = 0; tried < DAYS; tried++, day = (day + 1) % DAYS) {
            int slot = day * 2 + (male ? 1 : 0);
            if (issued[slot] < NUMBERS_PER_DATE_AND_SEX) {
                return numberFor(day, male, issued[slot]++);
            }
        }
        throw new IllegalStateException("every ID number of this generator has been issued");
    }

    private static Allocation numberFor(int day, boolean male, int ordinal) {
        // ordinal -> (ordinal % 10, ordinal / 10) is a bijection onto regions × sequence indexes; both scrambles
        // below are bijections too, so distinct ordinals of one date and sex always give distinct numbers.
        int region = (ordinal % REGIONS + day) % REGIONS;
        int sequenceIndex = (int) (((long) (ordinal / REGIONS) * SEQUENCE_SCRAMBLER + day) % SEQUENCES_PER_SEX);
        int sequence = sequenceIndex * 2 + (male ? 1 : 0);
        LocalDate birthDate = EARLIEST_BIRTH_DATE.plusDays(day);
        String first17 = REGION_PREFIX + region + basicDate(birthDate) + threeDigits(sequence);
        return new Allocation(first17 + ResidentIdNumber.checkCharacter(first17), birthDate);
    }

    /** yyyyMMdd; by hand because a DateTimeFormatter costs more than the rest of the number together. */
    private static String basicDate(LocalDate date) {
        return Integer.toString(date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth());
    }

    private static String threeDigits(int value) {
        return value < 10 ? "00" + value : value < 100 ? "0" + value : Integer.toString(value);
    }
}
