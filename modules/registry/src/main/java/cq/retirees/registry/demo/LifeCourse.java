package cq.retirees.registry.demo;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The dates of a retiree's life and the age-dependent odds, relative to a fixed reference date so that output never
 * depends on the day the generator runs.
 *
 * <p>Birth years 1925–1971 are weighted so that about four in five retirees are 60–85 at the reference date; the
 * births before 1932 (about 1%) are the retired cadres (离休干部, who joined the revolution before 1949).
 */
final class LifeCourse {

    static final int FIRST_CADRE_FREE_YEAR = 1932;
    private static final int FIRST_YEAR = 1925;
    private static final int LAST_YEAR = 1971;
    /** Born from this year on, a man cannot have reached 60 by mid-2026: few such men are retired yet. */
    private static final int FIRST_YEAR_MOSTLY_WOMEN = 1967;
    private static final int RECENT_DEATH_YEARS = 5;

    private static final Weighted<Integer> BIRTH_YEARS = birthYears();

    private final LocalDate referenceDate;

    LifeCourse(LocalDate referenceDate) {
        this.referenceDate = referenceDate;
    }

    LocalDate birthDate(SplittableRandom random) {
        int year = BIRTH_YEARS.pick(random);
        return LocalDate.ofYearDay(year, 1 + random.nextInt(LocalDate.of(year, 1, 1).lengthOfYear()));
    }

    /** Women retire earlier, so among the youngest retirees men are rare (only special-job or sick-leave cases). */
    static boolean male(LocalDate birthDate, SplittableRandom random) {
        int year = birthDate.getYear();
        int malePercent = year < FIRST_CADRE_FREE_YEAR ? 75 : year >= FIRST_YEAR_MOSTLY_WOMEN ? 15 : 50;
        return random.nextInt(100) < malePercent;
    }

    /**
     * Statutory age (men 60; women 50 as workers, 55 as cadres), occasionally the special-job age (men 55, women
     * 45), taking effect the month after the birthday plus up to two months' paperwork. If that would still lie
     * ahead of the reference date, the person must have retired early (special job, then illness), so the earlier
     * ages are tried; the result is never after the reference date.
     */
    LocalDate retirementDate(LocalDate birthDate, boolean male, boolean cadre, SplittableRandom random) {
        int[] ages;
        if (male) {
            ages = random.nextInt(100) < 8 ? new int[] {55, 50} : new int[] {60, 55, 50};
        } else if (cadre || random.nextInt(100) < 40) {
            ages = new int[] {55, 50, 45};
        } else {
            ages = new int[] {50, 45};
        }
        int paperworkMonths = random.nextInt(100) < 75 ? 0 : 1 + random.nextInt(2);
        for (int age : ages) {
            LocalDate date = birthDate.plusYears(age).withDayOfMonth(1).plusMonths(1 + paperworkMonths);
            if (!date.isAfter(referenceDate)) {
                return date;
            }
        }
        return referenceDate;
    }

    int ageAtReference(LocalDate birthDate) {
        return Period.between(birthDate, referenceDate).getYears();
    }

    /** About 3% overall, more for the old; deaths are recent, as a roster lists people who were alive lately. */
    Optional<LocalDate> deathDate(int age, LocalDate retirementDate, SplittableRandom random) {
        int perMille = age < 70 ? 15 : age < 80 ? 30 : age < 90 ? 60 : 120;
        boolean dies = random.nextInt(1000) < perMille;
        LocalDate earliest = later(retirementDate.plusDays(1), referenceDate.minusYears(RECENT_DEATH_YEARS));
        long days = ChronoUnit.DAYS.between(earliest, referenceDate);
        if (!dies || days <= 0) {
            return Optional.empty();
        }
        return Optional.of(earliest.plusDays(random.nextLong(days)));
    }

    static boolean immobile(int age, SplittableRandom random) {
        int percent = age < 70 ? 2 : age < 80 ? 6 : age < 90 ? 20 : 45;
        return random.nextInt(100) < percent;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** Relative weights per birth year; the cadre years together make about 1% of the total. */
    private static Weighted<Integer> birthYears() {
        Weighted.Builder<Integer> years = new Weighted.Builder<>();
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            int weight;
            if (year < FIRST_CADRE_FREE_YEAR) {
                weight = 37;
            } else if (year <= 1940) {
                weight = 100 + (year - FIRST_CADRE_FREE_YEAR) * 40;   // 86–94 years old: thinning out
            } else if (year <= 1949) {
                weight = 500 + (year - 1941) * 40;
            } else if (year <= 1962) {
                weight = 950;
            } else if (year < FIRST_YEAR_MOSTLY_WOMEN) {
                weight = 800;
            } else {
                weight = 400;
            }
            years.add(year, weight);
        }
        return years.build();
    }
}
