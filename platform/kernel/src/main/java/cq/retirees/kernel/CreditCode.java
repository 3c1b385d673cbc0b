package cq.retirees.kernel;

/**
 * An organisation's unified social credit code (统一社会信用代码, GB 32100-2015), e.g. of a former
 * employer of a retiree.
 *
 * <p>Only the alphabet, length and check character are validated; the embedded registration
 * authority, organisation type and area segments are not, since authorities have issued codes whose
 * segments do not follow the table strictly. These codes are public, so {@link #toString()} returns
 * the value in clear.
 */
public final class CreditCode {

    private static final String FIELD = "creditCode";
    /** The 31 permitted characters; I, O, Z, S and V are excluded to avoid confusion with digits. */
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private final String value;

    private CreditCode(String value) {
        this.value = value;
    }

    /**
     * Normalises (trim incl. U+3000, NFKC, upper-case) and validates {@code raw}.
     *
     * @throws InvalidValueException with one of the {@code CREDIT_CODE_*} codes
     */
    public static CreditCode parse(String raw) {
        String text = InputText.normalise(raw);
        if (text.isEmpty()) {
            throw invalid("CREDIT_CODE_REQUIRED", "credit code is required");
        }
        if (text.length() != 18) {
            throw invalid("CREDIT_CODE_LENGTH", "credit code must have exactly eighteen characters");
        }
        for (int i = 0; i < text.length(); i++) {
            if (ALPHABET.indexOf(text.charAt(i)) < 0) {
                throw invalid("CREDIT_CODE_CHARACTERS",
                        "credit code may contain only digits and upper-case letters other than I, O, S, V and Z");
            }
        }
        if (checkCharacter(text.substring(0, 17)) != text.charAt(17)) {
            throw invalid("CREDIT_CODE_BAD_CHECKSUM", "credit code check character does not match");
        }
        return new CreditCode(text);
    }

    /**
     * The GB 32100 check character for the first 17 characters of a credit code. Public so that
     * test-data generators do not re-implement it.
     *
     * @throws IllegalArgumentException if {@code first17} is not 17 characters of the code alphabet
     */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != 17) {
            throw new IllegalArgumentException("expected exactly 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int index = ALPHABET.indexOf(first17.charAt(i));
            if (index < 0) {
                throw new IllegalArgumentException("character outside the credit code alphabet");
            }
            sum += index * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }

    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CreditCode that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    private static InvalidValueException invalid(String code, String message) {
        return new InvalidValueException(code, FIELD, message);
    }
}
