package cq.retirees.app.imports;

import cq.retirees.kernel.ResidentIdNumber;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One synthetic retiree as a roster row: cell values by English heading. Every person made by {@link #of} has a
 * fresh, valid ID number (region 500103, born from 1 January 1950 on) and valid values in every required column;
 * {@link #with} changes one cell. Values are strings, except where a test wants a typed XLSX cell
 * (a {@link LocalDate} or a {@link Number}).
 */
final class Person {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final LocalDate FIRST_BIRTH = LocalDate.of(1950, 1, 1);
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private final String idNumber;
    private final LocalDate birthDate;
    private final Map<String, Object> cells;

    private Person(String idNumber, LocalDate birthDate, Map<String, Object> cells) {
        this.idNumber = idNumber;
        this.birthDate = birthDate;
        this.cells = cells;
    }

    /** A new valid person of the enterprise with this credit code. */
    static Person of(String enterpriseCreditCode) {
        int n = NEXT.getAndIncrement();
        LocalDate birth = FIRST_BIRTH.plusDays(n / 900);
        String idNumber = idNumber("500103", birth, 100 + n % 900);
        Map<String, Object> cells = new LinkedHashMap<>();
        cells.put("idNumber", idNumber);
        cells.put("name", "测试人员" + n);
        cells.put("retirementDate", birth.plusYears(60).toString());
        cells.put("enterpriseCreditCode", enterpriseCreditCode);
        cells.put("insuredAreaCode", "500103");
        cells.put("residenceAddress", "渝中区测试路" + n + "号");
        cells.put("residenceAreaCode", "500103");
        return new Person(idNumber, birth, cells);
    }

    /** A new valid person whose ID number ends in the check character X. */
    static Person withCheckCharacterX(String enterpriseCreditCode) {
        Person person = of(enterpriseCreditCode);
        while (!person.idNumber().endsWith("X")) {
            person = of(enterpriseCreditCode);
        }
        return person;
    }

    /** A valid 18-character ID number: region, birth date, three-digit sequence, check character. */
    static String idNumber(String region, LocalDate birth, int sequence) {
        return withCheckCharacter(region + birth.format(BASIC) + String.format("%03d", sequence));
    }

    static String withCheckCharacter(String first17) {
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    /** A copy with one cell changed (a field no column names is simply not written). */
    Person with(String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(cells);
        changed.put(field, value);
        return new Person(idNumber, birthDate, changed);
    }

    /** The cell under this English heading; empty when not set. */
    Object cell(String field) {
        return cells.getOrDefault(field, "");
    }

    Map<String, Object> cells() {
        return Collections.unmodifiableMap(cells);
    }

    /** The person's real (18-character) ID number, whatever the idNumber cell now holds. */
    String idNumber() {
        return idNumber;
    }

    /** The first-generation 15-digit form of the ID number (no century, no check character). */
    String idNumber15() {
        return idNumber.substring(0, 6) + idNumber.substring(8, 17);
    }

    String name() {
        return (String) cells.get("name");
    }

    LocalDate birthDate() {
        return birthDate;
    }

    LocalDate retirementDate() {
        return LocalDate.parse(cells.get("retirementDate").toString());
    }

    /** 男 or 女, as the ID number's 17th digit says. */
    String sexZh() {
        return (idNumber.charAt(16) - '0') % 2 == 1 ? "男" : "女";
    }

    String otherSexZh() {
        return sexZh().equals("男") ? "女" : "男";
    }
}
