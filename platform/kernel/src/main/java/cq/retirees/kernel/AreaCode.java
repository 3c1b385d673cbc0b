package cq.retirees.kernel;

import java.util.regex.Pattern;

/**
 * An administrative area: a six-digit GB/T 2260 division code, or one of the two Chongqing functional
 * zones that manage retirees like a district but have no GB/T 2260 code of their own
 * ({@code LJXQ} 两江新区, {@code WSJK} 万盛经开区).
 *
 * <p>Only the shape is checked here. Whether the code exists in the reference table is the registry
 * module's business, because that table changes over time and the kernel holds no data.
 */
public final class AreaCode {

    private static final String FIELD = "areaCode";
    private static final Pattern DIVISION_CODE = Pattern.compile("[1-9][0-9]{5}");
    private static final String LIANGJIANG_NEW_AREA = "LJXQ";
    private static final String WANSHENG_ECONOMIC_ZONE = "WSJK";

    private final String value;

    private AreaCode(String value) {
        this.value = value;
    }

    /**
     * Normalises (trim incl. U+3000, NFKC, upper-case) and checks the shape of {@code raw}.
     *
     * @throws InvalidValueException with code {@code AREA_CODE_REQUIRED} or {@code AREA_CODE_FORMAT}
     */
    public static AreaCode of(String raw) {
        String text = InputText.normalise(raw);
        if (text.isEmpty()) {
            throw new InvalidValueException("AREA_CODE_REQUIRED", FIELD, "area code is required");
        }
        if (!isFunctionalZone(text) && !DIVISION_CODE.matcher(text).matches()) {
            throw new InvalidValueException("AREA_CODE_FORMAT", FIELD,
                    "area code must be a six-digit division code or a known functional-zone code");
        }
        return new AreaCode(text);
    }

    public String value() {
        return value;
    }

    /** True for the functional zones, which have no GB/T 2260 code. */
    public boolean isFunctionalZone() {
        return isFunctionalZone(value);
    }

    private static boolean isFunctionalZone(String text) {
        return text.equals(LIANGJIANG_NEW_AREA) || text.equals(WANSHENG_ECONOMIC_ZONE);
    }

    @Override
    public String toString() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AreaCode that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
