package cq.retirees.registry.internal.roster;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A column of a retiree roster file, recognised by its English or Chinese heading.
 *
 * <p>Headings are compared after {@linkplain #key(String) normalisation}, so "ID Number", "id_number" and
 * "idNumber" are one heading, and so are "居住街道（乡镇）" and "居住街道(乡镇)".
 */
public enum RosterColumn {
    ID_NUMBER("idNumber", true, "公民身份号码", "身份证号码", "身份证号"),
    NAME("name", true, "姓名"),
    SEX("sex", false, "性别"),
    BIRTH_DATE("birthDate", false, "出生日期"),
    RETIREMENT_DATE("retirementDate", true, "退休日期"),
    RETIREE_TYPE("retireeType", false, "人员类别"),
    ENTERPRISE_CREDIT_CODE("enterpriseCreditCode", true, "统一社会信用代码", "企业统一社会信用代码"),
    INSURED_AREA_CODE("insuredAreaCode", true, "参保地区划代码", "参保地"),
    RESIDENCE_ADDRESS("residenceAddress", true, "居住地址", "现居住地址"),
    RESIDENCE_AREA_CODE("residenceAreaCode", true, "居住地区划代码", "居住地"),
    RESIDENCE_STREET("residenceStreet", false, "居住街道（乡镇）", "街道（乡镇）", "居住街道"),
    PHONE("phone", false, "联系电话", "电话"),
    PARTY_MEMBER("partyMember", false, "是否党员", "党员"),
    PARTY_ORGANISATION("partyOrganisation", false, "党组织", "所在党组织"),
    LEADER_MANAGEMENT_LEVEL("leaderManagementLevel", false, "领导人员管理层级"),
    IMMOBILE("immobile", false, "行动不便"),
    DEATH_DATE("deathDate", false, "死亡日期");

    private static final Map<String, RosterColumn> BY_KEY = byKey();

    private final String heading;
    private final boolean required;
    private final List<String> chineseHeadings;

    RosterColumn(String heading, boolean required, String... chineseHeadings) {
        this.heading = heading;
        this.required = required;
        this.chineseHeadings = List.of(chineseHeadings);
    }

    /** The canonical English heading, e.g. {@code idNumber}; also the name used in error details. */
    public String heading() {
        return heading;
    }

    /** Chinese headings accepted for this column, the preferred one first. */
    public List<String> chineseHeadings() {
        return chineseHeadings;
    }

    /** Whether a roster file without this column is rejected as a whole. */
    public boolean required() {
        return required;
    }

    /** The column a file heading names, if any. */
    public static Optional<RosterColumn> forHeading(String heading) {
        return heading == null ? Optional.empty() : Optional.ofNullable(BY_KEY.get(key(heading)));
    }

    /**
     * The comparison form of a heading: NFKC (full-width brackets and letters become ASCII, U+3000 becomes a
     * space), then without whitespace, BOMs, '_' and '-', then lower case. Chinese text is unaffected by the
     * last two steps, so one key serves both languages.
     */
    static String key(String heading) {
        String nfkc = Normalizer.normalize(heading, Normalizer.Form.NFKC);
        StringBuilder key = new StringBuilder(nfkc.length());
        nfkc.codePoints()
                .filter(c -> !CellText.isSpace(c) && c != '_' && c != '-')
                .forEach(key::appendCodePoint);
        return key.toString().toLowerCase(Locale.ROOT);
    }

    private static Map<String, RosterColumn> byKey() {
        Map<String, RosterColumn> byKey = new HashMap<>();
        for (RosterColumn column : values()) {
            for (String heading : column.headings()) {
                RosterColumn clash = byKey.put(key(heading), column);
                if (clash != null && clash != column) {
                    throw new IllegalStateException("Heading " + heading + " names both " + clash + " and " + column);
                }
            }
        }
        return Map.copyOf(byKey);
    }

    private List<String> headings() {
        return Stream.concat(Stream.of(heading), chineseHeadings.stream()).toList();
    }
}
