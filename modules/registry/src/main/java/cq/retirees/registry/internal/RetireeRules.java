package cq.retirees.registry.internal;

import cq.retirees.infra.http.FieldError;
import cq.retirees.infra.http.FreeTextFields;
import cq.retirees.kernel.AreaCode;
import cq.retirees.kernel.CalendarDates;
import cq.retirees.kernel.FreeText;
import cq.retirees.kernel.InvalidValueException;
import cq.retirees.kernel.ResidentIdNumber;
import cq.retirees.kernel.Sex;
import cq.retirees.registry.LeaderManagementLevel;
import cq.retirees.registry.RetireeType;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every rule a retiree record must satisfy, on every input path: the ID number (GB 11643) and what it encodes,
 * dates in order and not in the future, area codes in force on the relevant day, and the formats of the rest.
 * Each fault is a field error with a stable code; values never appear in errors.
 */
final class RetireeRules {

    /** The outcome: facts when valid, otherwise every fault found. */
    record Checked(RetireeFacts facts, List<FieldError> errors) {
        boolean valid() {
            return errors.isEmpty();
        }
    }

    private static final int MAX_NAME = 50;
    private static final int MAX_TEXT = 200;
    private static final Pattern PHONE = Pattern.compile("\\d{7,15}");
    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd"), DateTimeFormatter.ofPattern("uuuu/M/d"),
            DateTimeFormatter.ofPattern("uuuu-M-d"), DateTimeFormatter.ofPattern("uuuuMMdd"),
            DateTimeFormatter.ofPattern("uuuu.M.d")).stream().map(f -> f.withResolverStyle(ResolverStyle.STRICT)).toList();
    private static final Map<String, Boolean> BOOLEANS = Map.ofEntries(
            Map.entry("是", true), Map.entry("否", false), Map.entry("true", true), Map.entry("false", false),
            Map.entry("y", true), Map.entry("n", false), Map.entry("yes", true), Map.entry("no", false),
            Map.entry("1", true), Map.entry("0", false));
    private static final Map<String, RetireeType> TYPES = Map.of(
            "RETIRED", RetireeType.RETIRED, "退休", RetireeType.RETIRED,
            "RETIRED_CADRE", RetireeType.RETIRED_CADRE, "离休", RetireeType.RETIRED_CADRE);
    private static final Map<String, LeaderManagementLevel> LEADER_LEVELS = Map.of(
            "市委直接管理", LeaderManagementLevel.MUNICIPAL_PARTY_COMMITTEE,
            "委托市国资委党委管理", LeaderManagementLevel.SASAC_PARTY_COMMITTEE,
            "委托两江新区党工委管理", LeaderManagementLevel.LIANGJIANG_PARTY_WORKING_COMMITTEE,
            "区县党委管理", LeaderManagementLevel.DISTRICT_PARTY_COMMITTEE,
            "市级有关部门党委（党组）管理", LeaderManagementLevel.MUNICIPAL_DEPARTMENT_PARTY_COMMITTEE,
            "其他", LeaderManagementLevel.OTHER);

    private final AreaCalendar areas;
    private final LocalDate today;

    RetireeRules(AreaCalendar areas, LocalDate today) {
        this.areas = areas;
        this.today = today;
    }

    Checked check(RetireeDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        ResidentIdNumber id = null;
        try {
            id = ResidentIdNumber.parse(draft.idNumber(), java.time.Clock.fixed(
                    today.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), java.time.ZoneOffset.UTC));
        } catch (InvalidValueException e) {
            errors.add(FieldError.of("idNumber", e.code()));
        }
        String name = text("name", draft.name(), FreeText.SINGLE_LINE, MAX_NAME, true, errors);
        Sex sex = id == null ? null : id.sex();
        if (present(draft.sex()) && id != null && sexOf(draft.sex()) != id.sex()) {
            errors.add(FieldError.of("sex", sexOf(draft.sex()) == null ? "SEX_UNKNOWN" : "SEX_MISMATCH_ID_NUMBER"));
        }
        LocalDate birth = id == null ? null : id.birthDate();
        LocalDate declaredBirth = date("birthDate", draft.birthDate(), false, errors);
        if (declaredBirth != null && birth != null && !declaredBirth.equals(birth)) {
            errors.add(FieldError.of("birthDate", "BIRTH_DATE_MISMATCH_ID_NUMBER"));
        }
        LocalDate retirement = date("retirementDate", draft.retirementDate(), true, errors);
        LocalDate death = date("deathDate", draft.deathDate(), false, errors);
        if (retirement != null && birth != null && !retirement.isAfter(birth)) {
            errors.add(FieldError.of("retirementDate", "DATES_OUT_OF_ORDER"));
        }
        if (death != null && retirement != null && death.isBefore(retirement)) {
            errors.add(FieldError.of("deathDate", "DATES_OUT_OF_ORDER"));
        }
        RetireeType type = present(draft.retireeType()) ? TYPES.get(draft.retireeType().trim().toUpperCase(Locale.ROOT))
                : RetireeType.RETIRED;
        if (type == null) {
            errors.add(FieldError.of("retireeType", "RETIREE_TYPE_UNKNOWN"));
        }
        AreaCode insured = area("insuredAreaCode", draft.insuredAreaCode(), retirement != null ? retirement : today, errors);
        String address = text("residenceAddress", draft.residenceAddress(), FreeText.MULTI_LINE, MAX_TEXT, true, errors);
        AreaCode residence = area("residenceAreaCode", draft.residenceAreaCode(), today, errors);
        String street = text("residenceStreet", draft.residenceStreet(), FreeText.SINGLE_LINE, 100, false, errors);
        String phone = phone(draft.phone(), errors);
        Boolean party = bool("partyMember", draft.partyMember(), errors);
        String partyOrganisation = text("partyOrganisation", draft.partyOrganisation(), FreeText.SINGLE_LINE, 100,
                false, errors);
        LeaderManagementLevel leader = leaderLevel(draft.leaderManagementLevel(), errors);
        Boolean immobile = bool("immobile", draft.immobile(), errors);
        if (!errors.isEmpty()) {
            return new Checked(null, errors);
        }
        return new Checked(new RetireeFacts(id, name, sex, retirement, type, insured, address, residence, street, phone,
                party, partyOrganisation, leader, immobile, death), List.of());
    }

    private LocalDate date(String field, String value, boolean required, List<FieldError> errors) {
        if (!present(value)) {
            if (required) {
                errors.add(FieldError.of(field, "FIELD_REQUIRED"));
            }
            return null;
        }
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                LocalDate date = LocalDate.parse(value.trim(), format);
                if (!CalendarDates.accepted(date)) {
                    break;
                }
                if (date.isAfter(today)) {
                    errors.add(FieldError.of(field, "DATE_IN_FUTURE"));
                    return null;
                }
                return date;
            } catch (DateTimeParseException ignored) {
                // try the next accepted format
            }
        }
        errors.add(FieldError.of(field, "DATE_INVALID"));
        return null;
    }

    private AreaCode area(String field, String value, LocalDate day, List<FieldError> errors) {
        try {
            AreaCode code = AreaCode.of(value);
            if (!areas.inForce(code, day)) {
                errors.add(FieldError.of(field, "AREA_NOT_IN_FORCE", day.toString()));
                return null;
            }
            return code;
        } catch (InvalidValueException e) {
            errors.add(FieldError.of(field, e.code()));
            return null;
        }
    }

    /** Free text through the kernel's rule (refused characters named, NFC), then required and at most {@code max}. */
    private static String text(String field, String value, FreeText rule, int max, boolean required,
                               List<FieldError> errors) {
        if (!present(value)) {
            if (required) {
                errors.add(FieldError.of(field, "FIELD_REQUIRED"));
            }
            return null;
        }
        String text = FreeTextFields.read(field, value, rule, errors);
        if (text == null) {
            return null; // a refused character, reported by name and position
        }
        if (text.isEmpty()) {
            errors.add(FieldError.of(field, "FIELD_REQUIRED"));
            return null;
        }
        if (text.length() > max) {
            errors.add(FieldError.of(field, "TEXT_INVALID", max));
            return null;
        }
        return text;
    }

    private static String phone(String value, List<FieldError> errors) {
        if (!present(value)) {
            return null;
        }
        String digits = java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFKC).replaceAll("[\\s()\\-]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        }
        if (!PHONE.matcher(digits).matches()) {
            errors.add(FieldError.of("phone", "PHONE_INVALID"));
            return null;
        }
        return digits;
    }

    private static Boolean bool(String field, String value, List<FieldError> errors) {
        if (!present(value)) {
            return false;
        }
        Boolean parsed = BOOLEANS.get(value.trim().toLowerCase(Locale.ROOT));
        if (parsed == null) {
            errors.add(FieldError.of(field, "BOOLEAN_INVALID"));
            return false;
        }
        return parsed;
    }

    private static LeaderManagementLevel leaderLevel(String value, List<FieldError> errors) {
        if (!present(value)) {
            return null;
        }
        String trimmed = value.trim();
        LeaderManagementLevel level = LEADER_LEVELS.get(trimmed);
        if (level != null) {
            return level;
        }
        try {
            return LeaderManagementLevel.valueOf(trimmed.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.of("leaderManagementLevel", "LEADER_LEVEL_UNKNOWN"));
            return null;
        }
    }

    private static Sex sexOf(String value) {
        return switch (value.trim().toUpperCase(Locale.ROOT)) {
            case "男", "MALE", "M" -> Sex.MALE;
            case "女", "FEMALE", "F" -> Sex.FEMALE;
            default -> null;
        };
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
