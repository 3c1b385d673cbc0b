package cq.retirees.app.handover;

import cq.retirees.app.testing.Api;
import cq.retirees.app.testing.TestPlatform;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static cq.retirees.app.handover.HandoverFixture.PLANS;
import static cq.retirees.app.handover.HandoverFixture.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every text cell of the checklist export, CSV and XLSX alike, comes out as text a spreadsheet will not evaluate
 * (a name starting with "=" is prefixed with an apostrophe), and a control character stored before input refused
 * it (written here straight into the database) does not reach the file.
 */
class ChecklistCellsTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String FORMULA_NAME = "=HYPERLINK(\"http://example.invalid\",\"查看\")";
    private static final int NAME = 2;

    private static TestPlatform platform;
    private static Api enterpriseOp;
    private static String plan;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start(ChecklistCellsTest.class, HandoverFixture.SETTINGS);
        Api admin = platform.admin();
        Api municipal = HandoverFixture.user(platform, admin, "cells-municipal", "MUNICIPAL_ADMIN", Map.of());
        HandoverFixture.body(municipal, "500103", "解放碑街道", "STREET");
        String enterprise = HandoverFixture.enterprise(municipal, "500103", "500103");
        enterpriseOp = HandoverFixture.user(platform, admin, "cells-enterprise", "ENTERPRISE_OPERATOR",
                Map.of("enterpriseIds", List.of(enterprise)));
        String formula = HandoverFixture.retiree(municipal, enterprise, "500103", "500103", "解放碑街道");
        Api.Response renamed = municipal.withHeader("If-Match", HandoverFixture.etag(municipal,
                "/api/v1/retirees/" + formula)).patch("/api/v1/retirees/" + formula, Map.of("name", FORMULA_NAME));
        ok(renamed);
        String legacy = HandoverFixture.retiree(municipal, enterprise, "500103", "500103", "解放碑街道");
        // A name stored before the text rule: the API refuses it now, so it is written directly.
        assertEquals(1, platform.update("UPDATE registry.retirees SET name = '旧' || chr(27) || '[31m数据'"
                + " WHERE id = ?::uuid", legacy));
        plan = HandoverFixture.plan(enterpriseOp, enterprise).get("id").asText();
        ok(HandoverFixture.propose(enterpriseOp, plan));
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void aFormulaInACsvCellIsShownAsText() {
        List<List<String>> rows = csv();
        assertTrue(names(rows).contains("'" + FORMULA_NAME), names(rows)::toString);
        assertFalse(names(rows).contains(FORMULA_NAME));
    }

    @Test
    void aFormulaInAnXlsxCellIsShownAsText() {
        List<List<String>> rows = xlsx();
        assertTrue(names(rows).contains("'" + FORMULA_NAME), names(rows)::toString);
        assertFalse(names(rows).contains(FORMULA_NAME));
    }

    @Test
    void anEscapeStoredEarlierDoesNotReachEitherFile() {
        for (List<List<String>> rows : List.of(csv(), xlsx())) {
            assertTrue(names(rows).contains("旧\uFFFD[31m数据"), names(rows)::toString);
            for (List<String> row : rows) {
                for (String cell : row) {
                    assertTrue(cell.chars().noneMatch(c -> c == 0x1B), "an ESC reached the export");
                }
            }
        }
    }

    private static List<String> names(List<List<String>> rows) {
        return rows.stream().skip(1).map(row -> row.get(NAME)).toList();
    }

    private static List<List<String>> csv() {
        Api.Response export = ok(enterpriseOp.withHeader("Accept", "text/csv").get(PLANS + "/" + plan + "/checklist"));
        String text = new String(export.body(), StandardCharsets.UTF_8);
        assertFalse(text.indexOf('\u001B') >= 0, "an ESC reached the CSV bytes");
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text.substring(1)), CSVFormat.RFC4180)) {
            for (CSVRecord record : parser) {
                rows.add(record.toList());
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return rows;
    }

    private static List<List<String>> xlsx() {
        Api.Response export = ok(enterpriseOp.withHeader("Accept", XLSX).get(PLANS + "/" + plan + "/checklist"));
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(export.body()))) {
            Sheet sheet = workbook.getSheets().filter(s -> s.getName().equals("交接清单")).findFirst().orElseThrow();
            try (Stream<Row> stream = sheet.openStream()) {
                stream.forEach(row -> rows.add(row.stream().map(cell -> cell == null ? "" : text(cell)).toList()));
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return rows;
    }

    private static String text(Cell cell) {
        return cell.getRawValue() == null ? "" : cell.getText();
    }
}
