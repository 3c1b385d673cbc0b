package cq.retirees.app.imports;

import com.fasterxml.jackson.databind.JsonNode;
import cq.retirees.app.imports.ImportFixture.Enterprise;
import cq.retirees.app.imports.ImportFixture.Run;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Roster imports end to end: encodings, XLSX, re-imports, duplicates within a file and across enterprises,
 * file-level failures and death dates. Each test uses enterprises of its own, so tests do not see each other's rows.
 */
class RosterImportTest {

    private static final Charset GB18030 = Charset.forName("GB18030");
    /** 䶮 (U+4DAE, CJK extension A) is a four-byte sequence in GB18030 and not in GBK. */
    private static final String RARE = "䶮";

    private static ImportFixture fixture;

    @BeforeAll
    static void start() {
        fixture = ImportFixture.start(RosterImportTest.class);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    // ---- 1. encodings ----------------------------------------------------------------------------------------

    @Test
    void utf8WithBomKeepsChineseNames() {
        Enterprise enterprise = fixture.enterprise();
        Person person = Person.of(enterprise.creditCode()).with("name", "刘" + RARE + "甲");
        Run run = fixture.importFile(enterprise, Roster.CSV, Roster.english().add(person).csvWithBom())
                .assertCompleted(1, 1, 0, 0, 0);
        assertEquals("UTF-8", run.charset());
        assertNameAndAddress(person);
    }

    @Test
    void utf8WithoutBomIsDetected() {
        Enterprise enterprise = fixture.enterprise();
        Person person = Person.of(enterprise.creditCode()).with("name", "欧阳" + RARE + "乙");
        Run run = fixture.importFile(enterprise, Roster.CSV, Roster.chinese(Roster.REQUIRED).add(person).csv())
                .assertCompleted(1, 1, 0, 0, 0);
        assertEquals("UTF-8", run.charset());
        assertNameAndAddress(person);
    }

    @Test
    void undeclaredGb18030IsDetected() {
        Enterprise enterprise = fixture.enterprise();
        Person first = Person.of(enterprise.creditCode()).with("name", "王" + RARE + "丙");
        Person second = Person.of(enterprise.creditCode()).with("name", "诸葛丁");
        byte[] file = Roster.chinese(Roster.REQUIRED).add(first, second).csv(GB18030);
        assertFalse(new String(file, StandardCharsets.UTF_8).contains("诸葛丁"), "the file is not UTF-8");
        Run run = fixture.importFile(enterprise, "text/csv", file).assertCompleted(2, 2, 0, 0, 0);
        assertEquals("GB18030", run.charset());
        assertNameAndAddress(first);
        assertNameAndAddress(second);
    }

    @Test
    void gb18030DeclaredInTheContentTypeIsUsed() {
        Enterprise enterprise = fixture.enterprise();
        Person person = Person.of(enterprise.creditCode()).with("name", "司马" + RARE + "戊");
        Run run = fixture.importFile(enterprise, "text/csv; charset=GB18030",
                Roster.chinese(Roster.REQUIRED).add(person).csv(GB18030)).assertCompleted(1, 1, 0, 0, 0);
        assertEquals("GB18030", run.charset());
        assertNameAndAddress(person);
    }

    private static void assertNameAndAddress(Person person) {
        JsonNode retiree = fixture.existing(person.idNumber());
        assertEquals(person.name(), retiree.get("name").asText());
        assertEquals(person.cell("residenceAddress"), retiree.get("residenceAddress").asText());
    }

    // ---- 2. XLSX -----------------------------------------------------------------------------------------------

    @Test
    void xlsxWithChineseHeadingsIsImported() {
        Enterprise enterprise = fixture.enterprise();
        List<String> fields = List.of("idNumber", "name", "sex", "retirementDate", "retireeType",
                "enterpriseCreditCode", "insuredAreaCode", "residenceAddress", "residenceAreaCode", "residenceStreet",
                "phone", "partyMember");
        Person text = Person.of(enterprise.creditCode()).with("name", "张" + RARE + "己");
        text = text.with("sex", text.sexZh()).with("retireeType", "退休").with("residenceStreet", "七星岗街道")
                .with("phone", "13800001111").with("partyMember", "是").with("retirementDate", "2010/7/1");
        // How spreadsheets often hold them: the retirement date as a date cell, the phone number as a number.
        Person typed = Person.of(enterprise.creditCode()).with("name", "李庚").with("retireeType", "离休")
                .with("retirementDate", LocalDate.of(2011, 3, 15)).with("phone", 13900002222L)
                .with("residenceStreet", "解放碑街道");
        Run run = fixture.importFile(enterprise, Roster.XLSX, Roster.chinese(fields).add(text, typed).xlsx())
                .assertCompleted(2, 2, 0, 0, 0);
        assertNull(run.charset());
        assertEquals("XLSX", run.json().get("format").asText());

        JsonNode first = fixture.existing(text.idNumber());
        assertEquals(text.name(), first.get("name").asText());
        assertEquals("2010-07-01", first.get("retirementDate").asText());
        assertEquals("RETIRED", first.get("retireeType").asText());
        assertEquals("七星岗街道", first.get("residenceStreet").asText());
        assertEquals("138****1111", first.get("phone").asText());

        JsonNode second = fixture.existing(typed.idNumber());
        assertEquals("李庚", second.get("name").asText());
        assertEquals("2011-03-15", second.get("retirementDate").asText());
        assertEquals("RETIRED_CADRE", second.get("retireeType").asText());
        assertEquals("解放碑街道", second.get("residenceStreet").asText());
        assertEquals("139****2222", second.get("phone").asText());
    }

    @Test
    void alternativeChineseHeadingsAndHalfWidthBracketsAreRecognised() {
        Enterprise enterprise = fixture.enterprise();
        Person person = Person.of(enterprise.creditCode()).with("residenceStreet", "大坪街道");
        Roster roster = Roster.headed(
                List.of("身份证号", "姓名", "退休日期", "统一社会信用代码", "参保地区划代码", "居住地址",
                        "居住地区划代码", "居住街道(乡镇)"),
                List.of("idNumber", "name", "retirementDate", "enterpriseCreditCode", "insuredAreaCode",
                        "residenceAddress", "residenceAreaCode", "residenceStreet"));
        fixture.importFile(enterprise, Roster.XLSX, roster.add(person).xlsx()).assertCompleted(1, 1, 0, 0, 0);
        assertEquals("大坪街道", fixture.existing(person.idNumber()).get("residenceStreet").asText());
    }

    @Test
    void aCorruptXlsxFailsAsUnreadable() {
        Enterprise enterprise = fixture.enterprise();
        byte[] notAZip = "PK\u0003\u0004 this is not a workbook".getBytes(StandardCharsets.US_ASCII);
        Run run = fixture.importFile(enterprise, Roster.XLSX, notAZip);
        assertEquals("FAILED", run.status(), run.json()::toString);
        assertEquals("ROSTER_UNREADABLE", run.failureCode());
        assertEquals(0, fixture.count(enterprise));
    }

    // ---- 4. re-imports -----------------------------------------------------------------------------------------

    @Test
    void importingTheSameFileTwiceChangesNothing() {
        Enterprise enterprise = fixture.enterprise();
        List<Person> people = people(enterprise, 6);
        Roster roster = Roster.english(Roster.ALL).add(people);
        fixture.importCsv(enterprise, roster).assertCompleted(6, 6, 0, 0, 0);
        List<Long> versions = versions(people);

        fixture.importCsv(enterprise, roster).assertCompleted(6, 0, 0, 6, 0);
        assertEquals(6, fixture.count(enterprise));
        JsonNode listed = fixture.listed(enterprise);
        assertEquals(6, listed.size());
        for (JsonNode retiree : listed) {
            assertTrue(retiree.get("idNumber").asText().matches("\\d{4}\\*{10}\\d{3}[\\dX]"),
                    "listed ID numbers are masked");
        }
        assertEquals(versions, versions(people), "unchanged rows are not rewritten");
    }

    @Test
    void anOverlappingFileUpdatesOldRowsAndCreatesNewOnes() {
        Enterprise enterprise = fixture.enterprise();
        List<Person> old = people(enterprise, 6);
        fixture.importCsv(enterprise, Roster.english().add(old)).assertCompleted(6, 6, 0, 0, 0);

        List<Person> moved = old.subList(0, 3).stream()
                .map(p -> p.with("residenceAddress", "江北区新居路" + p.idNumber().substring(14) + "号")).toList();
        Person same = old.get(3);
        List<Person> added = people(enterprise, 3);
        Roster overlap = Roster.english().add(moved).add(same).add(added);
        fixture.importCsv(enterprise, overlap).assertCompleted(7, 3, 3, 1, 0);

        assertEquals(9, fixture.count(enterprise));
        assertEquals(9, fixture.listed(enterprise).size());
        for (Person p : moved) {
            JsonNode retiree = fixture.existing(p.idNumber());
            assertEquals(p.cell("residenceAddress"), retiree.get("residenceAddress").asText());
            assertEquals(2, retiree.get("version").asLong());
        }
        assertEquals(1, fixture.existing(same.idNumber()).get("version").asLong());
        for (Person p : added) {
            assertEquals(p.name(), fixture.existing(p.idNumber()).get("name").asText());
        }
        try (var c = fixture.platform.sql(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) - count(DISTINCT id_number_hash) FROM registry.retirees")) {
            rs.next();
            assertEquals(0, rs.getLong(1), "no ID number is stored twice");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- 5. another enterprise's retiree -----------------------------------------------------------------------

    @Test
    void anIdNumberHeldByAnotherEnterpriseIsRejectedAndTheirRecordUntouched() {
        Enterprise a = fixture.enterprise();
        Enterprise b = fixture.enterprise();
        Person atA = Person.of(a.creditCode()).with("name", "赵辛");
        fixture.importCsv(a, Roster.english().add(atA)).assertCompleted(1, 1, 0, 0, 0);
        JsonNode before = fixture.existing(atA.idNumber());

        Person claimedByB = atA.with("enterpriseCreditCode", b.creditCode()).with("name", "赵壬")
                .with("residenceAddress", "沙坪坝区别处路1号");
        Person ownOfB = Person.of(b.creditCode());
        Run run = fixture.importCsv(b, Roster.english().add(ownOfB, claimedByB)).assertCompleted(2, 1, 0, 0, 1);

        assertEquals(List.of("3 idNumber ID_NUMBER_AT_OTHER_ENTERPRISE"), ImportFixture.errorKeys(fixture.municipal,
                run.id()));
        JsonNode after = fixture.existing(atA.idNumber());
        assertEquals(a.id(), after.get("enterpriseId").asText());
        assertEquals(before, after, "A's retiree is unchanged");
        assertEquals(1, fixture.count(a));
        assertEquals(1, fixture.count(b));
    }

    // ---- 6. duplicates within one file -------------------------------------------------------------------------

    @Test
    void aRepeatedIdNumberInOneFileKeepsTheFirstRow() {
        Enterprise enterprise = fixture.enterprise();
        Person p = Person.of(enterprise.creditCode()).with("name", "钱先");
        Person q = Person.of(enterprise.creditCode());
        Roster roster = Roster.english().add(
                p,                                    // row 2
                q,                                    // row 3
                p.with("name", "钱后"),                // row 4: same ID number
                q.with("idNumber", q.idNumber15()));  // row 5: the same number in its 15-digit form
        Run run = fixture.importCsv(enterprise, roster).assertCompleted(4, 2, 0, 0, 2);
        assertEquals(List.of("4 idNumber ID_NUMBER_DUPLICATE_IN_FILE", "5 idNumber ID_NUMBER_DUPLICATE_IN_FILE"),
                ImportFixture.errorKeys(fixture.municipal, run.id()));
        assertEquals("钱先", fixture.existing(p.idNumber()).get("name").asText());
        assertEquals(2, fixture.count(enterprise));
    }

    @Test
    void theFirstRowClaimsItsIdNumberEvenWhenItIsRejected() {
        Enterprise enterprise = fixture.enterprise();
        Person p = Person.of(enterprise.creditCode());
        Roster roster = Roster.english("idNumber", "name", "retirementDate", "enterpriseCreditCode",
                "insuredAreaCode", "residenceAddress", "residenceAreaCode", "phone")
                .add(p.with("phone", "not-a-phone"), p);
        Run run = fixture.importCsv(enterprise, roster).assertCompleted(2, 0, 0, 0, 2);
        assertEquals(List.of("2 phone PHONE_INVALID", "3 idNumber ID_NUMBER_DUPLICATE_IN_FILE"),
                ImportFixture.errorKeys(fixture.municipal, run.id()));
        assertNull(fixture.retiree(p.idNumber()));
    }

    // ---- 7. headings -------------------------------------------------------------------------------------------

    @Test
    void missingRequiredColumnsFailTheImportAndNameThem() {
        Enterprise enterprise = fixture.enterprise();
        Person person = Person.of(enterprise.creditCode());
        Run run = fixture.importCsv(enterprise, Roster.english("idNumber", "name", "phone").add(person));
        assertEquals("FAILED", run.status(), run.json()::toString);
        assertEquals("ROSTER_MISSING_COLUMNS", run.failureCode());
        assertEquals(Set.of("retirementDate", "enterpriseCreditCode", "insuredAreaCode", "residenceAddress",
                "residenceAreaCode"), Set.copyOf(run.failureDetails()));
        assertEquals(5, run.failureDetails().size());
        assertFalse(run.json().path("failure").path("message").asText("").isBlank());
        assertEquals(0, fixture.count(enterprise));
    }

    @Test
    void missingChineseColumnsAreNamedByTheirEnglishHeadings() {
        Enterprise enterprise = fixture.enterprise();
        List<String> fields = Roster.REQUIRED.stream().filter(f -> !f.equals("residenceAddress")).toList();
        Run run = fixture.importCsv(enterprise, Roster.chinese(fields).add(Person.of(enterprise.creditCode())));
        assertEquals("FAILED", run.status(), run.json()::toString);
        assertEquals("ROSTER_MISSING_COLUMNS", run.failureCode());
        assertEquals(List.of("residenceAddress"), run.failureDetails());
    }

    @Test
    void unknownHeadingsAreIgnoredAndListed() {
        Enterprise enterprise = fixture.enterprise();
        List<String> fields = new ArrayList<>(Roster.REQUIRED);
        fields.add(2, "备注");
        fields.add(" 工号 ");
        Person person = Person.of(enterprise.creditCode()).with("备注", "无关内容").with(" 工号 ", "A-001");
        Run run = fixture.importCsv(enterprise, Roster.english(fields).add(person)).assertCompleted(1, 1, 0, 0, 0);
        assertEquals(List.of("备注", "工号"), run.ignoredHeadings());
        assertEquals(person.name(), fixture.existing(person.idNumber()).get("name").asText());
    }

    @Test
    void aColumnNamedTwiceFailsTheImport() {
        Enterprise enterprise = fixture.enterprise();
        List<String> fields = new ArrayList<>(Roster.REQUIRED);
        fields.add("idNumber");
        List<String> headings = new ArrayList<>(Roster.REQUIRED);
        headings.add("身份证号码");
        Run run = fixture.importCsv(enterprise, Roster.headed(headings, fields).add(Person.of(enterprise.creditCode())));
        assertEquals("FAILED", run.status(), run.json()::toString);
        assertEquals("ROSTER_DUPLICATE_COLUMN", run.failureCode());
        assertEquals(List.of("idNumber"), run.failureDetails());
        assertEquals(0, fixture.count(enterprise));
    }

    @Test
    void aFileOfBlankLinesFailsAsEmpty() {
        Enterprise enterprise = fixture.enterprise();
        Run run = fixture.importFile(enterprise, Roster.CSV, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals("FAILED", run.status(), run.json()::toString);
        assertEquals("ROSTER_EMPTY", run.failureCode());
    }

    @Test
    void aHeadingRowWithoutDataCompletesWithNothingRead() {
        Enterprise enterprise = fixture.enterprise();
        fixture.importCsv(enterprise, Roster.english()).assertCompleted(0, 0, 0, 0, 0);
    }

    // ---- 10. death dates ---------------------------------------------------------------------------------------

    @Test
    void aRowWithADeathDateMakesTheRetireeDeceased() {
        Enterprise enterprise = fixture.enterprise();
        Person alive = Person.of(enterprise.creditCode());
        Person dead = Person.of(enterprise.creditCode());
        LocalDate death = dead.retirementDate().plusYears(5);
        Roster roster = Roster.english("idNumber", "name", "retirementDate", "enterpriseCreditCode",
                "insuredAreaCode", "residenceAddress", "residenceAreaCode", "deathDate")
                .add(alive, dead.with("deathDate", death.toString()));
        fixture.importCsv(enterprise, roster).assertCompleted(2, 2, 0, 0, 0);

        JsonNode deceased = fixture.existing(dead.idNumber());
        assertEquals("DECEASED", deceased.get("status").asText());
        assertEquals(death.toString(), deceased.get("deathDate").asText());
        assertEquals("AT_ENTERPRISE", fixture.existing(alive.idNumber()).get("status").asText());
    }

    @Test
    void reImportingARetireeWithADeathDateMakesThemDeceased() {
        Enterprise enterprise = fixture.enterprise();
        Person person = Person.of(enterprise.creditCode());
        List<String> fields = new ArrayList<>(Roster.REQUIRED);
        fields.add("deathDate");
        fixture.importCsv(enterprise, Roster.english(fields).add(person)).assertCompleted(1, 1, 0, 0, 0);
        assertEquals("AT_ENTERPRISE", fixture.existing(person.idNumber()).get("status").asText());

        LocalDate death = person.retirementDate().plusYears(3);
        fixture.importCsv(enterprise, Roster.english(fields).add(person.with("deathDate", death.toString())))
                .assertCompleted(1, 0, 1, 0, 0);
        JsonNode deceased = fixture.existing(person.idNumber());
        assertEquals("DECEASED", deceased.get("status").asText());
        assertEquals(death.toString(), deceased.get("deathDate").asText());
        assertEquals(1, fixture.count(enterprise));
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static List<Person> people(Enterprise enterprise, int count) {
        return IntStream.range(0, count).mapToObj(i -> Person.of(enterprise.creditCode())).toList();
    }

    private static List<Long> versions(List<Person> people) {
        return people.stream().map(p -> fixture.existing(p.idNumber()).get("version").asLong())
                .collect(Collectors.toList());
    }
}
