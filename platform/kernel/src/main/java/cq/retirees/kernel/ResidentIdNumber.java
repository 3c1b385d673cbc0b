package cq.retirees.kernel;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A citizen's resident ID number (公民身份号码, GB 11643-1999), always held in its 18-character form.
 *
 * <p>This is personal data: {@link #toString()} returns the masked form so that a stray log line or
 * string concatenation never prints it in clear, and validation errors never echo it. Use
 * {@link #value()} only where the full number is genuinely needed (storage, matching).
 *
 * <p>First-generation 15-digit numbers are still found on old retirement files, so they are accepted
 * and upgraded; an upgraded number equals its 18-digit form.
 */
public final class ResidentIdNumber {

    private static final String FIELD = "idNumber";
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);
    private static final boolean[] PROVINCE_CODES = provinceCodes();

    private final String value;
    private final boolean upgradedFrom15Digits;

    private ResidentIdNumber(String value, boolean upgradedFrom15Digits) {
        this.value = value;
        this.upgradedFrom15Digits = upgradedFrom15Digits;
    }

    /** Parses against today's date in the system default time zone. */
    public static ResidentIdNumber parse(String raw) {
        return parse(raw, Clock.systemDefaultZone());
    }

    /**
     * Normalises and validates {@code raw}.
     *
     * @param clock decides what "today" is for the no-future-birth-date rule
     * @throws InvalidValueException with one of the {@code ID_NUMBER_*} codes
     */
    public static ResidentIdNumber parse(String raw, Clock clock) {
        String text = InputText.normalise(raw);
        if (text.isEmpty()) {
            throw invalid("ID_NUMBER_REQUIRED", "ID number is required");
        }
        return switch (text.length()) {
            case 18 -> parse18(text, clock);
            case 15 -> parse15(text, clock);
            default -> throw invalid("ID_NUMBER_LENGTH",
                    "ID number must have 15 or 18 characters after normalisation");
        };
    }

    private static ResidentIdNumber parse18(String text, Clock clock) {
        String first17 = text.substring(0, 17);
        char last = text.charAt(17);
        if (!InputText.allAsciiDigits(first17) || !(InputText.isAsciiDigit(last) || last == 'X')) {
            throw invalid("ID_NUMBER_CHARACTERS",
                    "ID number must be digits, with X allowed only as the final check character");
        }
        validateRegionAndBirthDate(text, clock);
        if (checkCharacter(first17) != last) {
            throw invalid("ID_NUMBER_BAD_CHECKSUM", "ID number check character does not match");
        }
        return new ResidentIdNumber(text, false);
    }

    private static ResidentIdNumber parse15(String text, Clock clock) {
        if (!InputText.allAsciiDigits(text)) {
            throw invalid("ID_NUMBER_CHARACTERS", "a 15-digit ID number must consist of digits only");
        }
        // First-generation numbers carry a two-digit year and were issued only to people born 19xx.
        String first17 = text.substring(0, 6) + "19" + text.substring(6);
        String upgraded = first17 + checkCharacter(first17);
        validateRegionAndBirthDate(upgraded, clock);
        return new ResidentIdNumber(upgraded, true);
    }

    private static void validateRegionAndBirthDate(String eighteen, Clock clock) {
        int province = Integer.parseInt(eighteen.substring(0, 2));
        if (!PROVINCE_CODES[province]) {
            throw invalid("ID_NUMBER_REGION", "ID number does not start with a valid province-level code");
        }
        LocalDate birthDate;
        try {
            birthDate = birthDateOf(eighteen);
        } catch (DateTimeException e) {
            // Deliberately not chained: the JDK's message would quote the date fields of the number.
            throw invalid("ID_NUMBER_BIRTH_DATE", "ID number birth date is not a real calendar date");
        }
        if (birthDate.isAfter(LocalDate.now(clock))) {
            throw invalid("ID_NUMBER_BIRTH_DATE", "ID number birth date lies in the future");
        }
        if (birthDate.isBefore(EARLIEST_BIRTH_DATE)) {
            throw invalid("ID_NUMBER_BIRTH_DATE", "ID number birth date is earlier than the year nineteen hundred");
        }
    }

    /** LocalDate.of is strict: it rejects 30 February rather than rolling it over. */
    private static LocalDate birthDateOf(String eighteen) {
        return LocalDate.of(
                Integer.parseInt(eighteen.substring(6, 10)),
                Integer.parseInt(eighteen.substring(10, 12)),
                Integer.parseInt(eighteen.substring(12, 14)));
    }

    /**
     * The ISO 7064 MOD 11-2 check character for the first 17 digits of an ID number. Public so that
     * upgrade code and test-data generators do not re-implement it.
     *
     * @throws IllegalArgumentException if {@code first17Digits} is not exactly 17 ASCII digits
     */
    public static char checkCharacter(String first17Digits) {
        if (first17Digits == null || first17Digits.length() != 17 || !InputText.allAsciiDigits(first17Digits)) {
            throw new IllegalArgumentException("expected exactly 17 ASCII digits");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17Digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /** The normalised 18-character form, in clear. Personal data: do not log. */
    public String value() {
        return value;
    }

    /** Whether this number was given in the first-generation 15-digit form. Not part of equality. */
    public boolean wasUpgradedFrom15Digits() {
        return upgradedFrom15Digits;
    }

    public LocalDate birthDate() {
        return birthDateOf(value);
    }

    public Sex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /** First 4 and last 4 characters with the 10 in between hidden, e.g. {@code 5001**********123X}. */
    public String masked() {
        return value.substring(0, 4) + "**********" + value.substring(14);
    }

    /** The masked form, never the clear value. */
    @Override
    public String toString() {
        return masked();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResidentIdNumber that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    private static InvalidValueException invalid(String code, String message) {
        return new InvalidValueException(code, FIELD, message);
    }

    private static boolean[] provinceCodes() {
        boolean[] codes = new boolean[100];
        int[][] ranges = {{11, 15}, {21, 23}, {31, 37}, {41, 46}, {50, 54}, {61, 65}, {71, 71}, {81, 82}};
        for (int[] range : ranges) {
            for (int code = range[0]; code <= range[1]; code++) {
                codes[code] = true;
            }
        }
        return codes;
    }
}
