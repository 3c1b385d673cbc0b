package cq.retirees.kernel;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * An amount of money in integer fen (分, 1/100 yuan).
 *
 * <p>Pensions and subsidies are summed over many people and months; binary floating point would
 * drift, so amounts are exact integers and arithmetic fails loudly on overflow instead of wrapping.
 * Amounts may be negative (corrections, clawbacks).
 */
public final class Fen implements Comparable<Fen> {

    public static final Fen ZERO = new Fen(0);

    private static final int FEN_PER_YUAN = 100;
    /** Plain decimal only: no exponent, sign other than minus, grouping separators or currency signs. */
    private static final Pattern YUAN_AMOUNT = Pattern.compile("-?[0-9]+(\\.[0-9]{1,2})?");

    private final long value;

    private Fen(long value) {
        this.value = value;
    }

    public static Fen of(long fen) {
        return fen == 0 ? ZERO : new Fen(fen);
    }

    /** @throws ArithmeticException if the amount does not fit in a {@code long} of fen */
    public static Fen ofYuan(long yuan) {
        return of(Math.multiplyExact(yuan, FEN_PER_YUAN));
    }

    /**
     * Parses a yuan amount such as {@code 1020}, {@code 1020.5} or {@code 1020.50}. Full-width digits
     * and surrounding whitespace are tolerated; more than two decimals are rejected rather than
     * rounded, because silently losing a fraction of a fen hides an upstream error.
     *
     * @throws InvalidValueException with code {@code MONEY_REQUIRED} or {@code MONEY_FORMAT}
     */
    public static Fen parseYuan(String raw) {
        String text = InputText.normalise(raw);
        if (text.isEmpty()) {
            throw new InvalidValueException("MONEY_REQUIRED", null, "amount is required");
        }
        if (!YUAN_AMOUNT.matcher(text).matches()) {
            throw new InvalidValueException("MONEY_FORMAT", null,
                    "amount must be a plain yuan number with at most two decimal places");
        }
        try {
            return of(new BigDecimal(text).movePointRight(2).longValueExact());
        } catch (ArithmeticException e) {
            throw new InvalidValueException("MONEY_FORMAT", null, "amount is too large");
        }
    }

    /** The amount in fen. */
    public long value() {
        return value;
    }

    public Fen plus(Fen other) {
        return of(Math.addExact(value, other.value));
    }

    public Fen minus(Fen other) {
        return of(Math.subtractExact(value, other.value));
    }

    public Fen times(long factor) {
        return of(Math.multiplyExact(value, factor));
    }

    public boolean isNegative() {
        return value < 0;
    }

    /** Yuan with exactly two decimals, e.g. {@code 1020.00} or {@code -0.50}. */
    public String toYuanString() {
        return BigDecimal.valueOf(value, 2).toPlainString();
    }

    @Override
    public int compareTo(Fen other) {
        return Long.compare(value, other.value);
    }

    /** Spelled with its unit so that a log line cannot be misread as yuan. */
    @Override
    public String toString() {
        return value + " fen";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Fen that && value == that.value;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value);
    }
}
