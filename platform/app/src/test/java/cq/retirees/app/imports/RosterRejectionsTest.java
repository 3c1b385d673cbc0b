package cq.retirees.app.imports;

import com.fasterxml.jackson.databind.JsonNode;
import cq.retirees.app.imports.ImportFixture.Enterprise;
import cq.retirees.app.imports.ImportFixture.ErrorLine;
import cq.retirees.app.imports.ImportFixture.Run;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One roster file with a row for every rejection reason, each row wrong in exactly one way, interleaved with
 * valid rows that use the accepted variants (date formats, 15-digit and full-width ID numbers, Chinese values).
 * The file is imported once; the tests check the counts, the errors CSV line by line, and what was committed.
 */
class RosterRejectionsTest {

    private static final String OTHER_CREDIT_CODE = "91110000600037341L";
    private static final LocalDate FUTURE = LocalDate.now().plusYears(1);

    /** A row that must be rejected for exactly one (field, code). */
    private record Fault(String field, String code, UnaryOperator<Person> change) {
    }

    /** A row that must be committed, and what the stored retiree must then show. */
    private record Accepted(String what, UnaryOperator<Person> change, BiConsumer<Person, JsonNode> check) {
    }

    private static ImportFixture fixture;
    private static Enterprise enterprise;
    private static Person atOtherEnterprise;
    private static final List<String> expectedErrors = new ArrayList<>();
    private static final List<String> rejectedIdCells = new ArrayList<>();
    /** Valid ID numbers of rows rejected for another field: no retiree may have them. */
    private static final List<String> rejectedValidIds = new ArrayList<>();
    private static final List<Person> acceptedPeople = new ArrayList<>();
    private static final List<Accepted> acceptedChecks = new ArrayList<>();
    private static Run run;

    @BeforeAll
    static void importTheFile() {
        fixture = ImportFixture.start(RosterRejectionsTest.class);
        enterprise = fixture.enterprise();
        Enterprise other = fixture.enterprise();
        atOtherEnterprise = Person.of(other.creditCode());
        fixture.importCsv(other, Roster.english().add(atOtherEnterprise)).assertCompleted(1, 1, 0, 0, 0);

        List<Fault> faults = faults();
        List<Accepted> accepted = accepted();
        Roster roster = Roster.english(Roster.ALL);
        long rowNumber = 1;
        int nextAccepted = 0;
        for (int i = 0; i < faults.size(); i++) {
            if (i % 3 == 0 && nextAccepted < accepted.size()) {
                rowNumber = addAccepted(roster, accepted.get(nextAccepted++), rowNumber);
            }
            Fault fault = faults.get(i);
            Person row = fault.change().apply(Person.of(enterprise.creditCode()));
            roster.add(row);
            rowNumber++;
            expectedErrors.add(rowNumber + " " + fault.field() + " " + fault.code());
            String idCell = row.cell("idNumber").toString();
            if (!idCell.isBlank()) {
                rejectedIdCells.add(idCell);
            }
            if (idCell.equals(row.idNumber()) && !fault.field().equals("idNumber")) {
                rejectedValidIds.add(idCell);
            }
        }
        while (nextAccepted < accepted.size()) {
            rowNumber = addAccepted(roster, accepted.get(nextAccepted++), rowNumber);
        }
        run = fixture.importCsv(enterprise, roster);
    }

    private static long addAccepted(Roster roster, Accepted accepted, long rowNumber) {
        Person person = accepted.change().apply(Person.of(enterprise.creditCode()));
        roster.add(person);
        acceptedPeople.add(person);
        acceptedChecks.add(accepted);
        return rowNumber + 1;
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static List<Fault> faults() {
        return List.of(
                new Fault("idNumber", "ID_NUMBER_REQUIRED", p -> p.with("idNumber", "")),
                new Fault("idNumber", "ID_NUMBER_LENGTH", p -> p.with("idNumber", p.idNumber().substring(0, 16))),
                new Fault("idNumber", "ID_NUMBER_CHARACTERS",
                        p -> p.with("idNumber", p.idNumber().substring(0, 13) + "A" + p.idNumber().substring(14))),
                new Fault("idNumber", "ID_NUMBER_REGION",
                        p -> p.with("idNumber", Person.withCheckCharacter("99" + p.idNumber().substring(2, 17)))),
                new Fault("idNumber", "ID_NUMBER_BIRTH_DATE",
                        p -> p.with("idNumber", Person.withCheckCharacter("50010319500230" + "123"))),
                new Fault("idNumber", "ID_NUMBER_BIRTH_DATE",
                        p -> p.with("idNumber", Person.withCheckCharacter("500103" + FUTURE.format(
                                DateTimeFormatter.BASIC_ISO_DATE) + "123"))),
                new Fault("idNumber", "ID_NUMBER_BAD_CHECKSUM", p -> p.with("idNumber", wrongCheck(p.idNumber()))),
                new Fault("idNumber", "ID_NUMBER_AT_OTHER_ENTERPRISE",
                        p -> atOtherEnterprise.with("enterpriseCreditCode", p.cell("enterpriseCreditCode"))),
                new Fault("name", "FIELD_REQUIRED", p -> p.with("name", "")),
                new Fault("name", "TEXT_INVALID", p -> p.with("name", "测".repeat(51))),
                // the kernel's text rule, as over the API: controls, zero-width and bidirectional characters
                new Fault("name", "TEXT_CHARACTER_NOT_ALLOWED", p -> p.with("name", "王\u001B[31m五")),
                new Fault("name", "TEXT_CHARACTER_NOT_ALLOWED", p -> p.with("name", "王\u202E五")),
                new Fault("name", "TEXT_CHARACTER_NOT_ALLOWED", p -> p.with("name", "王\n五")),
                new Fault("residenceStreet", "TEXT_CHARACTER_NOT_ALLOWED", p -> p.with("residenceStreet", "解放\u200B碑")),
                new Fault("residenceAddress", "TEXT_CHARACTER_NOT_ALLOWED",
                        p -> p.with("residenceAddress", "民族路\u2066 1 号")),
                new Fault("sex", "SEX_UNKNOWN", p -> p.with("sex", "未知")),
                new Fault("sex", "SEX_MISMATCH_ID_NUMBER", p -> p.with("sex", p.otherSexZh())),
                new Fault("birthDate", "BIRTH_DATE_MISMATCH_ID_NUMBER",
                        p -> p.with("birthDate", p.birthDate().plusDays(1).toString())),
                new Fault("birthDate", "DATE_INVALID", p -> p.with("birthDate", "1950-02-30")),
                new Fault("retirementDate", "FIELD_REQUIRED", p -> p.with("retirementDate", "")),
                new Fault("retirementDate", "DATE_INVALID", p -> p.with("retirementDate", "2020-02-30")),
                new Fault("retirementDate", "DATE_INVALID", p -> p.with("retirementDate", "明年")),
                new Fault("retirementDate", "DATE_IN_FUTURE", p -> p.with("retirementDate", FUTURE.toString())),
                new Fault("retirementDate", "DATES_OUT_OF_ORDER",
                        p -> p.with("retirementDate", p.birthDate().toString())),
                new Fault("deathDate", "DATES_OUT_OF_ORDER",
                        p -> p.with("deathDate", p.retirementDate().minusDays(1).toString())),
                new Fault("deathDate", "DATE_IN_FUTURE", p -> p.with("deathDate", FUTURE.toString())),
                new Fault("retireeType", "RETIREE_TYPE_UNKNOWN", p -> p.with("retireeType", "退职")),
                new Fault("enterpriseCreditCode", "CREDIT_CODE_REQUIRED", p -> p.with("enterpriseCreditCode", "")),
                new Fault("enterpriseCreditCode", "CREDIT_CODE_LENGTH",
                        p -> p.with("enterpriseCreditCode", enterprise.creditCode().substring(0, 17))),
                new Fault("enterpriseCreditCode", "CREDIT_CODE_CHARACTERS",
                        p -> p.with("enterpriseCreditCode", enterprise.creditCode().substring(0, 17) + "I")),
                new Fault("enterpriseCreditCode", "CREDIT_CODE_BAD_CHECKSUM",
                        p -> p.with("enterpriseCreditCode", wrongCheck(enterprise.creditCode()))),
                new Fault("enterpriseCreditCode", "CREDIT_CODE_NOT_THIS_ENTERPRISE",
                        p -> p.with("enterpriseCreditCode", OTHER_CREDIT_CODE)),
                new Fault("insuredAreaCode", "AREA_CODE_REQUIRED", p -> p.with("insuredAreaCode", "")),
                new Fault("insuredAreaCode", "AREA_CODE_FORMAT", p -> p.with("insuredAreaCode", "5001")),
                new Fault("insuredAreaCode", "AREA_NOT_IN_FORCE", p -> p.with("insuredAreaCode", "500199")),
                new Fault("residenceAddress", "FIELD_REQUIRED", p -> p.with("residenceAddress", "")),
                new Fault("residenceAreaCode", "AREA_CODE_REQUIRED", p -> p.with("residenceAreaCode", "")),
                new Fault("residenceAreaCode", "AREA_CODE_FORMAT", p -> p.with("residenceAreaCode", "渝中区")),
                new Fault("residenceAreaCode", "AREA_NOT_IN_FORCE", p -> p.with("residenceAreaCode", "500199")),
                new Fault("phone", "PHONE_INVALID", p -> p.with("phone", "12345")),
                new Fault("phone", "PHONE_INVALID", p -> p.with("phone", "138abc01111")),
                new Fault("partyMember", "BOOLEAN_INVALID", p -> p.with("partyMember", "也许")),
                new Fault("immobile", "BOOLEAN_INVALID", p -> p.with("immobile", "maybe")),
                new Fault("leaderManagementLevel", "LEADER_LEVEL_UNKNOWN",
                        p -> p.with("leaderManagementLevel", "省管干部")),
                // Evaluated when the row is written, after the first accepted row: a later row repeating its number.
                new Fault("idNumber", "ID_NUMBER_DUPLICATE_IN_FILE",
                        p -> acceptedPeople.getFirst().with("name", "重复者")));
    }

    /** The accepted rows; the first one's ID number is repeated by a later fault row, which must be rejected. */
    private static List<Accepted> accepted() {
        return List.of(
                new Accepted("plain", p -> p, (p, r) -> assertEquals(p.name(), r.get("name").asText())),
                new Accepted("yyyy/M/d", p -> p.with("retirementDate", "2010/6/1"),
                        (p, r) -> assertEquals("2010-06-01", r.get("retirementDate").asText())),
                new Accepted("yyyy-M-d", p -> p.with("retirementDate", "2010-6-1"),
                        (p, r) -> assertEquals("2010-06-01", r.get("retirementDate").asText())),
                new Accepted("yyyyMMdd", p -> p.with("retirementDate", "20100601"),
                        (p, r) -> assertEquals("2010-06-01", r.get("retirementDate").asText())),
                new Accepted("yyyy.MM.dd", p -> p.with("retirementDate", "2010.06.01"),
                        (p, r) -> assertEquals("2010-06-01", r.get("retirementDate").asText())),
                new Accepted("matching sex and birth date", p -> p.with("sex", p.sexZh())
                        .with("birthDate", p.birthDate().format(DateTimeFormatter.ofPattern("yyyy/M/d"))),
                        (p, r) -> assertEquals(p.sexZh().equals("男") ? "MALE" : "FEMALE", r.get("sex").asText())),
                new Accepted("离休", p -> p.with("retireeType", "离休"),
                        (p, r) -> assertEquals("RETIRED_CADRE", r.get("retireeType").asText())),
                new Accepted("RETIRED_CADRE", p -> p.with("retireeType", "RETIRED_CADRE"),
                        (p, r) -> assertEquals("RETIRED_CADRE", r.get("retireeType").asText())),
                new Accepted("退休, 是, 行动不便 Y", p -> p.with("retireeType", "退休").with("partyMember", "是")
                        .with("partyOrganisation", "测试党支部").with("immobile", "Y"),
                        (p, r) -> {
                            assertEquals("RETIRED", r.get("retireeType").asText());
                            assertTrue(r.get("immobile").asBoolean());
                        }),
                new Accepted("booleans 1 / false", p -> p.with("partyMember", "1").with("immobile", "false"),
                        (p, r) -> assertFalse(r.get("immobile").asBoolean())),
                new Accepted("leader level in Chinese", p -> p.with("leaderManagementLevel", "市委直接管理"),
                        (p, r) -> assertEquals("MUNICIPAL_PARTY_COMMITTEE", r.get("leaderManagementLevel").asText())),
                new Accepted("leader level by name", p -> p.with("leaderManagementLevel", "OTHER"),
                        (p, r) -> assertEquals("OTHER", r.get("leaderManagementLevel").asText())),
                new Accepted("phone with +86 and dashes", p -> p.with("phone", "+86 138-0000-1111"),
                        (p, r) -> assertEquals("138****1111", r.get("phone").asText())),
                new Accepted("15-digit ID number", p -> p.with("idNumber", p.idNumber15()),
                        (p, r) -> assertEquals(p.idNumber().substring(0, 4) + "**********"
                                + p.idNumber().substring(14), r.get("idNumber").asText())),
                new Accepted("lowercase x", p -> lowercaseX(),
                        (p, r) -> assertEquals(p.name(), r.get("name").asText())),
                new Accepted("full-width ID number with spaces", p -> p.with("idNumber", " " + fullWidth(p.idNumber())
                        + "\u3000"), (p, r) -> assertEquals(p.name(), r.get("name").asText())),
                new Accepted("address on two lines", p -> p.with("residenceAddress", "解放碑街道\r\n民族路 1 号"),
                        (p, r) -> assertEquals("解放碑街道\n民族路 1 号", r.get("residenceAddress").asText())),
                new Accepted("decomposed accent", p -> p.with("name", "Ze\u0301 王"),
                        (p, r) -> assertEquals("Z\u00E9 王", r.get("name").asText())),
                new Accepted("functional zone", p -> p.with("residenceAreaCode", "LJXQ"),
                        (p, r) -> assertEquals("LJXQ", r.get("residenceAreaCode").asText())),
                new Accepted("death date", p -> p.with("deathDate", p.retirementDate().plusYears(2).toString()),
                        (p, r) -> assertEquals("DECEASED", r.get("status").asText())));
    }

    @Test
    void theCountsAddUp() {
        int faults = expectedErrors.size();
        run.assertCompleted(faults + acceptedPeople.size(), acceptedPeople.size(), 0, 0, faults);
        assertEquals(acceptedPeople.size(), fixture.count(enterprise));
    }

    @Test
    void theErrorsCsvListsExactlyTheFaultyRowsFieldsAndCodes() {
        List<ErrorLine> lines = ImportFixture.errors(fixture.municipal, run.id());
        assertEquals(expectedErrors, lines.stream().map(ErrorLine::key).toList());
        for (ErrorLine line : lines) {
            assertFalse(line.reason().isBlank(), line::toString);
        }
    }

    @Test
    void everyRejectionReasonHasItsRow() {
        List<String> listed = expectedErrors.stream().map(e -> e.substring(e.indexOf(' ') + 1)).toList();
        for (String reason : List.of("idNumber ID_NUMBER_REQUIRED", "idNumber ID_NUMBER_LENGTH",
                "idNumber ID_NUMBER_CHARACTERS", "idNumber ID_NUMBER_REGION", "idNumber ID_NUMBER_BIRTH_DATE",
                "idNumber ID_NUMBER_BAD_CHECKSUM", "idNumber ID_NUMBER_DUPLICATE_IN_FILE",
                "idNumber ID_NUMBER_AT_OTHER_ENTERPRISE", "name FIELD_REQUIRED", "name TEXT_INVALID",
                "name TEXT_CHARACTER_NOT_ALLOWED", "residenceStreet TEXT_CHARACTER_NOT_ALLOWED",
                "residenceAddress TEXT_CHARACTER_NOT_ALLOWED",
                "sex SEX_UNKNOWN", "sex SEX_MISMATCH_ID_NUMBER", "birthDate BIRTH_DATE_MISMATCH_ID_NUMBER",
                "birthDate DATE_INVALID", "retirementDate FIELD_REQUIRED", "retirementDate DATE_INVALID",
                "retirementDate DATE_IN_FUTURE", "retirementDate DATES_OUT_OF_ORDER", "deathDate DATES_OUT_OF_ORDER",
                "deathDate DATE_IN_FUTURE", "retireeType RETIREE_TYPE_UNKNOWN",
                "enterpriseCreditCode CREDIT_CODE_REQUIRED", "enterpriseCreditCode CREDIT_CODE_LENGTH",
                "enterpriseCreditCode CREDIT_CODE_CHARACTERS", "enterpriseCreditCode CREDIT_CODE_BAD_CHECKSUM",
                "enterpriseCreditCode CREDIT_CODE_NOT_THIS_ENTERPRISE", "insuredAreaCode AREA_CODE_REQUIRED",
                "insuredAreaCode AREA_CODE_FORMAT", "insuredAreaCode AREA_NOT_IN_FORCE",
                "residenceAreaCode AREA_CODE_REQUIRED", "residenceAreaCode AREA_CODE_FORMAT",
                "residenceAreaCode AREA_NOT_IN_FORCE", "residenceAddress FIELD_REQUIRED", "phone PHONE_INVALID",
                "partyMember BOOLEAN_INVALID", "immobile BOOLEAN_INVALID",
                "leaderManagementLevel LEADER_LEVEL_UNKNOWN")) {
            assertTrue(listed.contains(reason), "the file has no row for " + reason);
        }
        assertTrue(acceptedPeople.size() >= 15, "the file has valid rows between the faulty ones");
    }

    @Test
    void theErrorsCsvIsInChineseByDefault() {
        String csv = ImportFixture.errorsCsv(fixture.municipal, run.id(), null).text();
        assertTrue(csv.startsWith("\uFEFF行号,字段,原因代码,原因\r\n"), csv.lines().findFirst().orElse(""));
        assertEquals(expectedErrors.size() + 1, csv.lines().count());
    }

    @Test
    void theErrorsCsvNeverQuotesAnIdNumber() {
        String english = ImportFixture.errorsCsv(fixture.municipal, run.id(), "en").text();
        String chinese = ImportFixture.errorsCsv(fixture.municipal, run.id(), null).text();
        for (String id : rejectedIdCells) {
            assertFalse(english.contains(id), "an ID number of a rejected row appears in the errors CSV");
            assertFalse(chinese.contains(id), "an ID number of a rejected row appears in the errors CSV");
            assertFalse(english.contains(id.substring(0, 14)), "the front of an ID number appears in the errors CSV");
        }
        for (Person person : acceptedPeople) {
            assertFalse(english.contains(person.idNumber()), "an accepted ID number appears in the errors CSV");
        }
    }

    @Test
    void theValidRowsOfTheFileWereCommitted() {
        for (int i = 0; i < acceptedPeople.size(); i++) {
            Person person = acceptedPeople.get(i);
            Accepted accepted = acceptedChecks.get(i);
            JsonNode retiree = fixture.retiree(person.idNumber());
            if (retiree == null) {
                throw new AssertionError("the accepted row \"" + accepted.what() + "\" was not committed");
            }
            assertEquals(enterprise.id(), retiree.get("enterpriseId").asText(), accepted.what());
            accepted.check().accept(person, retiree);
        }
    }

    @Test
    void rejectedRowsLeaveNoRetireeBehind() {
        assertFalse(rejectedValidIds.isEmpty());
        for (String id : rejectedValidIds) {
            assertNull(fixture.retiree(id), "a rejected row was committed");
        }
        JsonNode other = fixture.existing(atOtherEnterprise.idNumber());
        assertFalse(other.get("enterpriseId").asText().equals(enterprise.id()), "the other enterprise keeps its retiree");
        assertEquals(1, other.get("version").asLong());
    }

    private static Person lowercaseX() {
        Person person = Person.withCheckCharacterX(enterprise.creditCode());
        return person.with("idNumber", person.idNumber().toLowerCase(java.util.Locale.ROOT));
    }

    private static String wrongCheck(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (last == '1' ? '2' : '1');
    }

    private static String fullWidth(String ascii) {
        StringBuilder wide = new StringBuilder();
        ascii.chars().forEach(c -> wide.append((char) (c - 0x21 + 0xFF01)));
        return wide.toString();
    }
}
